package dev.bookrental.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import dev.bookrental.gateway.problem.ProblemWriter;

/**
 * The gateway as an OAuth2 resource server (JWT check at the edge): {@code /api/**} and
 * {@code /bff/mobile/**} need a valid access token of the auth service, except the public reads
 * ({@code GET} of the catalog, {@code bookrental.gateway.public-reads}); everything else passes —
 * the API docs and Swagger UI, actuator, and {@code /bff/web/**}, whose callers are signed in by
 * bff-web's own session cookie. The decoder and its validators (RS256 against the JWK set, issuer,
 * audience, expiry) are Spring Boot's, from the shared settings in config/application.yml.
 *
 * <p>The gateway checks only that a token is valid: which roles may do what is each service's
 * decision, and each checks the token again (defence in depth). The token goes downstream unchanged:
 * Spring Cloud Gateway forwards the {@code Authorization} header (it removes only hop-by-hop headers).
 * Stateless: no session, no saved request; no CSRF protection here, because no cookie authenticates a
 * request at the gateway (bff-web protects its own cookie session against CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurity.AccessProperties.class)
class GatewaySecurity {

    /** @param publicReads paths that {@code GET} may read without a token */
    @ConfigurationProperties("bookrental.gateway")
    record AccessProperties(List<String> publicReads) {

        AccessProperties {
            publicReads = publicReads == null ? List.of() : List.copyOf(publicReads);
        }
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, AccessProperties access, ProblemWriter problemWriter) {
        SecurityProblems problems = new SecurityProblems(problemWriter);
        return http
                .authorizeExchange(exchanges -> {
                    if (!access.publicReads().isEmpty()) {
                        exchanges.pathMatchers(HttpMethod.GET, access.publicReads().toArray(String[]::new)).permitAll();
                    }
                    exchanges.pathMatchers("/api/**", "/bff/mobile/**").authenticated()
                            .anyExchange().permitAll();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }
}
