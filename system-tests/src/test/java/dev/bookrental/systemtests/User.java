package dev.bookrental.systemtests;

import java.time.Duration;
import java.time.Instant;

/**
 * Someone the tests act for: an account at auth and a current access token from signing in through
 * the authorization code flow with PKCE. Access tokens live five minutes; a token older than
 * {@link #FRESH} is replaced by signing in again, so long tests never send an expired one by accident.
 */
final class User {

    private static final Duration FRESH = Duration.ofMinutes(3);

    private final String id;
    private final String username;
    private final String password;
    private Accounts.Tokens tokens;
    private Instant signedInAt;

    User(String id, String username, String password) {
        this.id = id;
        this.username = username;
        this.password = password;
    }

    /** A new account, registered at auth; not yet signed in. */
    static User register() {
        String username = Accounts.newUsername();
        String password = Accounts.strongPassword();
        return new User(Accounts.register(username, password, "A Reader"), username, password);
    }

    /** The local librarian of config/auth.yml (local use only). */
    static User librarian() {
        return new User(null, Accounts.LIBRARIAN, Accounts.LIBRARIAN_PASSWORD);
    }

    /** The account id: the token's subject and the member id. Null for the librarian, whose id the tests never need. */
    String id() {
        return id;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The {@code Authorization} header, as name and value for {@link Http}'s header lists. */
    synchronized String[] authorization() {
        if (tokens == null || signedInAt.plus(FRESH).isBefore(Instant.now())) {
            tokens = Accounts.signIn(username, password);
            signedInAt = Instant.now();
        }
        return new String[] {"Authorization", tokens.bearer()};
    }

    @Override
    public String toString() {
        return username;
    }
}
