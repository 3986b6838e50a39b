package dev.bookrental.bff.web.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bff-web is registered at auth: a confidential client authenticating with
 * {@code client_secret_basic}. The secret comes from the configuration (config/bff-web.yml has the
 * local-only one; production passes {@code BFF_WEB_CLIENT_SECRET}).
 *
 * @param revocationTimeout how long sign-out waits for auth to revoke a token before it gives up
 *                          (and ends the session anyway)
 */
@ConfigurationProperties("bookrental.bff-web")
public record WebClientRegistration(@DefaultValue("bff-web") String clientId, String clientSecret,
        @DefaultValue("2s") Duration revocationTimeout) {
}
