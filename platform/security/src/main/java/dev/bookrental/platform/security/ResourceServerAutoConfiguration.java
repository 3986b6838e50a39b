package dev.bookrental.platform.security;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.web.TraceIds;

/**
 * Resource-server defaults of every servlet service (like eShop's ServiceDefaults, switched on by
 * depending on {@code platform/security}): one filter chain that
 * <ul>
 * <li>accepts only a valid JWT of the auth service as {@code Authorization: Bearer}: the decoder and
 * its validators (RS256 signature against the JWK set, issuer, audience {@code bookrental-api},
 * expiry) and the mapping of the {@code roles} claim to {@code ROLE_} authorities are Spring Boot's,
 * from the shared {@code spring.security.oauth2.resourceserver.jwt} settings in config/application.yml;</li>
 * <li>is stateless (no session, no saved request) and has no CSRF protection: no cookie ever
 * authenticates a request here, so there is no ambient credential to forge a request with;</li>
 * <li>leaves actuator, the OpenAPI spec and the error page open, applies the service's own
 * {@link AccessRules}, and requires a valid token for everything else (deny by default);</li>
 * <li>answers 401 and 403 as RFC 9457 problems with the bearer challenge ({@link SecurityProblems}).</li>
 * </ul>
 * The gateway checks tokens too; each service checks them again (defence in depth), because a
 * service is reachable without the gateway (by another service, or inside the cluster).
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
public class ResourceServerAutoConfiguration {

    /** Open without a token: health and metrics for the platform, the API docs for people. */
    static final String[] OPEN_PATHS = {"/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/error"};

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
            ObjectProvider<JsonMapper> json, ObjectProvider<Tracer> tracer) throws Exception {
        SecurityProblems problems = new SecurityProblems(json.getIfAvailable(() -> JsonMapper.builder().build()),
                new TraceIds(tracer));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_PATHS).permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.define(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
