package dev.bookrental.platform.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as can be: one member-only endpoint, one open one, its access rules. */
@SpringBootApplication
class SecurityTestApplication {

    @Bean
    AccessRules thingsAccess() {
        return requests -> requests
                .requestMatchers("/api/things/public").permitAll()
                .requestMatchers("/api/things/**").hasRole("MEMBER");
    }

    @RestController
    static class ThingController {

        /** Whose things: the token's subject. */
        @GetMapping("/api/things/mine")
        String mine(@AuthenticationPrincipal Jwt caller) {
            return caller.getSubject();
        }

        @GetMapping("/api/things/public")
        String everyone() {
            return "anyone may read this";
        }
    }
}
