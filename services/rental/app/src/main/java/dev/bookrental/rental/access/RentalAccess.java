package dev.bookrental.rental.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.security.AccessRules;

/**
 * Role-based authorization of rentals and rental cards: members only. Which rentals a member may
 * see, rent on and return is the own-data rule of {@code RentalService}: the card is the token
 * subject's, and another member's rental is "not found" (404, not 403, so ids cannot be probed).
 */
@Component
public class RentalAccess implements AccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/rentals", "/api/rentals/**", "/api/rental-card", "/api/rental-card/**").hasRole("MEMBER");
    }
}
