package dev.bookrental.launcher.signin;

/**
 * A step of talking to the auth service went wrong: registering, signing in, or asking for a token.
 * The message names the step and what auth answered, so a failed benchmark or test says where it
 * stopped (e.g. "log in: wrong username or password" versus "redeem the code: HTTP 400 invalid_grant").
 */
public final class SignInException extends RuntimeException {

    private final String step;
    private final int status;
    private final String body;

    /**
     * @param status the HTTP status auth answered, 0 when there was no answer
     * @param body   auth's answer, empty when there was none
     */
    SignInException(String step, String problem, int status, String body, Throwable cause) {
        super(step + ": " + problem, cause);
        this.step = step;
        this.status = status;
        this.body = body;
    }

    /** The step that failed, e.g. {@code authorize}, {@code log in}, {@code redeem the code}. */
    public String step() {
        return step;
    }

    /** The HTTP status auth answered, 0 when it did not answer (not reachable, timed out). */
    public int status() {
        return status;
    }

    /** Auth's answer (an OAuth error or a problem document), empty when there was none. */
    public String body() {
        return body;
    }
}
