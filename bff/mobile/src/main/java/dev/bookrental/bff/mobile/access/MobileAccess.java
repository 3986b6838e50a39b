package dev.bookrental.bff.mobile.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.security.AccessRules;

/**
 * Role-based authorization of bff-mobile: every screen is a member's own (the home screen gathers the
 * points, card and loans of the token's subject), so everything under {@code /bff/mobile} needs the
 * MEMBER role; a librarian's or a service's token is a 403 before any service is asked.
 */
@Component
public class MobileAccess implements AccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/bff/mobile/**").hasRole("MEMBER");
    }
}
