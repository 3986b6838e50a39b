package dev.bookrental.query.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.security.AccessRules;

/**
 * Role-based authorization of the read side: the ranking is public like the catalog it ranks; a
 * dashboard is a member's, and only their own — the controller reads the token subject, so there
 * is no member id in the path to probe.
 */
@Component
public class QueryAccess implements AccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/best-books", "/api/best-books/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/members/me/dashboard").hasRole("MEMBER");
    }
}
