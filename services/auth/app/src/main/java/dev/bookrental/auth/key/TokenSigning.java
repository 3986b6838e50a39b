package dev.bookrental.auth.key;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import dev.bookrental.auth.AuthProperties;

/**
 * How tokens are signed and verified: the JWT encoder of the authorization server signs with the
 * newest of the {@link SigningKeys}, and every instance checks the keys on a schedule (rotate when due, retire
 * after the grace period, re-read what other instances did).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TokenSigning implements SchedulingConfigurer {

    private final SigningKeys keys;
    private final AuthProperties properties;

    TokenSigning(SigningKeys keys, AuthProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Bean
    JwtEncoder jwtEncoder() {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(SigningKeys::newest);
        return encoder;
    }

    /**
     * Verifies the access tokens that come back to auth itself (the UserInfo endpoint) against the
     * keys directly, whatever resource-server settings the shared configuration holds.
     */
    @Bean
    JwtDecoder jwtDecoder() {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        var interval = properties.signingKeys().checkInterval();
        registrar.addFixedDelayTask(new FixedDelayTask(keys::check, interval, interval));
    }
}
