package dev.bookrental.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Role-based authorization of one service: the rules it declares as a bean in its feature package,
 * e.g. the catalog's
 * <pre>{@code
 * @Bean
 * AccessRules catalogAccess() {
 *     return requests -> requests
 *             .requestMatchers(HttpMethod.GET, "/api/books", "/api/books/**").permitAll()
 *             .requestMatchers(HttpMethod.POST, "/api/books", "/api/books/*&#47;copies").hasRole("LIBRARIAN");
 * }
 * }</pre>
 * The platform's filter chain ({@link ResourceServerAutoConfiguration}) applies every service rule
 * after its own open paths and before its last one: any other request needs a valid access token.
 * Roles are the token's {@code roles} claim ({@code hasRole("MEMBER")} is {@code ROLE_MEMBER}).
 */
@FunctionalInterface
public interface AccessRules {

    void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
