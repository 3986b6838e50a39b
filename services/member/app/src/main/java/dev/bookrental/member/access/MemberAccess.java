package dev.bookrental.member.access;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.security.AccessRules;

/**
 * Role-based authorization of the member API: only members, and only about themselves. There is no
 * member id in any path or body: "me" is the token's subject, so a member cannot even name another.
 */
@Component
public class MemberAccess implements AccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/members/me", "/api/members/me/**").hasRole("MEMBER");
    }
}
