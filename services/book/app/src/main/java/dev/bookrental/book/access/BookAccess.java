package dev.bookrental.book.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.security.AccessRules;

/**
 * Role-based authorization of the catalog: anyone reads it (titles, one title, its copies), only a
 * librarian changes it. A service's token (rental's client credentials, role SERVICE) reads like
 * anyone: the catalog's reads are public, so they need no role of their own.
 */
@Component
public class BookAccess implements AccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/books", "/api/books/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/books", "/api/books/*/copies").hasRole("LIBRARIAN");
    }
}
