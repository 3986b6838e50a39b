package dev.bookrental.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone who can sign in. The id is the subject ({@code sub}) of their tokens and their member id
 * in every other service; the username is only what they type on the login page.
 *
 * @param passwordHash in Spring Security's delegating format, e.g. {@code {argon2@SpringSecurity_v5_8}$argon2id$...}
 * @param roles        without the {@code ROLE_} prefix, e.g. {@code MEMBER}, {@code LIBRARIAN}
 */
public record Account(UUID id, String username, String passwordHash, String displayName, List<String> roles,
        Instant createdAt) {

    public static final String MEMBER = "MEMBER";
    public static final String LIBRARIAN = "LIBRARIAN";

    public Account {
        roles = List.copyOf(roles);
    }
}
