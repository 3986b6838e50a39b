package dev.bookrental.auth.registration;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When a password is too weak to accept, beyond its length (12 to 128 characters): it contains the
 * username, it is one of the passwords every cracking list starts with, or it has fewer than
 * {@value #MIN_DISTINCT_CHARACTERS} different characters ("aaaaaaaaaaaa", "abababababab"). Three
 * plain rules rather than an entropy estimate: each is easy to explain to the person typing it.
 * Comparisons ignore case, so "Password1234" is as weak as "password1234".
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    static final int MIN_DISTINCT_CHARACTERS = 6;

    /** Common passwords of the allowed length, from the top of public breach lists, plus the obvious local ones. */
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456789abc", "1q2w3e4r5t6y", "1qaz2wsx3edc",
            "qwertyuiop12", "qwertyuiopasdf", "qwerty123456", "qwerty12345678", "asdfghjkl123", "zxcvbnm12345",
            "password1234", "password12345", "password123456", "passwordpassword", "p@ssw0rd1234", "p@ssword1234",
            "iloveyou1234", "letmein12345", "letmeinletmein", "welcome12345", "welcome123456", "changeme1234",
            "administrator", "admin1234567", "trustno1trustno1", "sunshine1234", "princess1234", "football1234",
            "baseball1234", "dragon123456", "monkey123456", "superman1234", "starwars1234", "abcdefghijkl",
            "abcdefghijklmnop", "abcdef123456", "abc123abc123", "bookrental123", "bookrental1234", "bookrental2024",
            "bookrental2025", "bookrental2026", "library12345", "librarian123", "librarian-local-only");

    private PasswordPolicy() {
    }

    /**
     * Why {@code password} is too weak for the account {@code username}, if it is; a password of
     * the wrong length is left to the length check.
     */
    static Optional<String> weakness(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String lowerCase = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isEmpty() && lowerCase.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (COMMON.contains(lowerCase)) {
            return Optional.of("is one of the most common passwords");
        }
        if (lowerCase.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("must have at least " + MIN_DISTINCT_CHARACTERS + " different characters");
        }
        return Optional.empty();
    }
}
