package dev.bookrental.platform.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;

import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * A signed-in caller in a web slice test, without signing a token: spring-security-test's
 * {@code jwt()} with the claims of the token contract (the subject is the account id, the roles are in
 * the {@code roles} claim) and the roles mapped as the services map them ({@code ROLE_} + each role),
 * e.g. {@code mvc.get().uri("/api/members/me").with(Callers.member("member-1"))}. What a real token
 * must be to get that far is {@link TestTokenIssuer}'s part.
 */
public final class Callers {

    private static final JwtGrantedAuthoritiesConverter ROLES = roles();

    private Callers() {
    }

    public static JwtRequestPostProcessor member(String accountId) {
        return withRoles(accountId, "MEMBER");
    }

    public static JwtRequestPostProcessor librarian() {
        return withRoles("librarian", "LIBRARIAN");
    }

    /** A caller with exactly these roles, none for a token that carries no role. */
    public static JwtRequestPostProcessor withRoles(String subject, String... roles) {
        return jwt().jwt(token -> token.subject(subject).claim("roles", List.of(roles))).authorities(ROLES);
    }

    private static JwtGrantedAuthoritiesConverter roles() {
        JwtGrantedAuthoritiesConverter converter = new JwtGrantedAuthoritiesConverter();
        converter.setAuthoritiesClaimName("roles");
        converter.setAuthorityPrefix("ROLE_");
        return converter;
    }
}
