package dev.bookrental.bff.mobile.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * bff-mobile as an OAuth2 resource server, per the token contract: a JWT access token is accepted
 * only when signed RS256 by a key of auth's JWK set ({@code alg: none} and HS256 are refused), issued
 * by auth ({@code iss}), meant for the API ({@code aud} contains {@code bookrental-api}) and not
 * expired (60 s clock skew); its {@code roles} become {@code ROLE_*} authorities.
 *
 * <p>Configured here, minimally, while the shared resource-server defaults are being added to
 * platform/service-defaults; this class goes when bff-mobile switches to them. Nothing calls auth at
 * start: the keys are fetched at the first token.
 */
@Configuration(proxyBeanMethods = false)
class ResourceServer {

    static final String AUDIENCE = "bookrental-api";

    @Bean
    SecurityFilterChain bffMobile(HttpSecurity http, BearerTokenProblems problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/error").permitAll()
                        .requestMatchers("/bff/mobile/**").hasRole("MEMBER")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // Bearer tokens, no cookies: no session to keep, no CSRF to defend against.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${bookrental.security.issuer:http://localhost:9000}") String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(AUDIENCE))));
        return decoder;
    }

    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
