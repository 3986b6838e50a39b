package dev.bookrental.bench;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.bookrental.launcher.signin.AuthClient;

/**
 * A user of a benchmark, signed in at auth, whose access token is kept usable for the whole run.
 * Access tokens live 5 minutes and the mobile client gets no refresh token, so the user signs in
 * again (the whole code flow with PKCE) once the token is older than {@link #MAX_AGE}: well before
 * it expires, whatever request or wrk run starts with it. A benchmark renews tokens before it
 * measures ({@link #renewIfOlderAfter}), so that no sign-in (an Argon2id hash in auth) runs while
 * it measures. Thread-safe; meant for one client thread each.
 */
public final class SignedInUser {

    /** Sign in again after 3 of the token's 5 minutes: a request or wrk run started on it never outlives it. */
    public static final Duration MAX_AGE = Duration.ofMinutes(3);

    private final String username;
    private final Supplier<String> signIn;
    private final LongSupplier nanoClock;
    private String accessToken;
    private long signedInAt;

    /**
     * @param signIn    signs the user in, answering a new access token
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    SignedInUser(String username, Supplier<String> signIn, LongSupplier nanoClock) {
        this.username = Objects.requireNonNull(username);
        this.signIn = signIn;
        this.nanoClock = nanoClock;
        signInNow();
    }

    /** Signs {@code username} in at auth (as the mobile app does) now, and again whenever its token gets old. */
    public static SignedInUser signIn(AuthClient auth, String username, String password) {
        return new SignedInUser(username, () -> auth.signIn(username, password).accessToken(), System::nanoTime);
    }

    public String username() {
        return username;
    }

    /** A usable access token: the current one, or a new one when it is older than {@link #MAX_AGE}. */
    public synchronized String accessToken() {
        if (nanoClock.getAsLong() - signedInAt > MAX_AGE.toNanos()) {
            signInNow();
        }
        return accessToken;
    }

    /** The value of an {@code Authorization} header with {@link #accessToken()}. */
    public String bearer() {
        return "Bearer " + accessToken();
    }

    /**
     * Signs in again now if the token would be older than {@link #MAX_AGE} after {@code coming}:
     * work of that length then runs on one token, without a sign-in in the middle.
     */
    public synchronized void renewIfOlderAfter(Duration coming) {
        if (nanoClock.getAsLong() + coming.toNanos() - signedInAt > MAX_AGE.toNanos()) {
            signInNow();
        }
    }

    /** Signs in again now, whatever the age of the token. */
    public synchronized void signInAgain() {
        signInNow();
    }

    /** The age counts from before the sign-in: auth may have issued the token at any moment of it. */
    private void signInNow() {
        long start = nanoClock.getAsLong();
        accessToken = signIn.get();
        signedInAt = start;
    }
}
