package dev.bookrental.book.bench;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.security.AccessRules;

/** The fixed-delay backend of the gateway benchmark is open, like the catalog's reads it stands for. */
@Component
@Profile("bench")
class BenchAccess implements AccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/bench/**").permitAll();
    }
}
