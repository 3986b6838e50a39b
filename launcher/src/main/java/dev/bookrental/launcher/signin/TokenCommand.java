package dev.bookrental.launcher.signin;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code ./bookrental token <username> [password]}: signs in at the local auth service as the
 * mobile app does (authorization code with PKCE through the login page, {@link AuthClient}) and
 * prints the access token alone on standard output, for curl:
 * {@code TOKEN=$(./bookrental token librarian)}. It is valid 5 minutes; then run it again.
 *
 * <p>The password: the argument if given; for the local librarian its documented local-only
 * password; otherwise asked on the console without echo. Without a console (standard output
 * captured by {@code $(...)}) there is nobody to ask: then it must be the argument.
 */
public final class TokenCommand {

    static final String USAGE = """
            Usage: bookrental token <username> [password]
              Signs in at auth (http://localhost:9000) and prints an access token, valid 5 minutes:
                TOKEN=$(./bookrental token ada 'analytical engine 1843')
                curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/members/me
              The local librarian needs no password (librarian-local-only, local use only); for anyone
              else it is asked on the console, or given as the second argument (under $(...) there
              is no console to ask on).""";

    private final AuthClient auth;
    private final PrintStream out;
    private final PrintStream err;

    TokenCommand(AuthClient auth, PrintStream out, PrintStream err) {
        this.auth = auth;
        this.out = out;
        this.err = err;
    }

    /** Runs the command; the exit status: 0 signed in, 1 sign-in failed, 2 wrong usage. */
    public static int run(String[] args) {
        return new TokenCommand(new AuthClient(AuthClient.LOCAL), System.out, System.err).run(args, Optional.ofNullable(System.console()));
    }

    int run(String[] args, Optional<Console> console) {
        if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
            err.println(USAGE);
            return 2;
        }
        String username = args[0];
        Optional<String> password = password(username, args.length == 2 ? args[1] : null, console);
        if (password.isEmpty()) {
            err.println("No password for " + username + ": none given, and no console to ask on (is the output captured"
                    + " by $(...)?). Give it as the second argument.");
            return 2;
        }
        try {
            AuthClient.Tokens tokens = auth.signIn(username, password.get());
            out.println(tokens.accessToken());
            return 0;
        } catch (SignInException e) {
            err.println("Sign-in of " + username + " failed at " + e.getMessage());
            return 1;
        }
    }

    /** The argument, else the local librarian's known password, else what the console reads without echo. */
    static Optional<String> password(String username, String argument, Optional<Console> console) {
        if (argument != null) {
            return Optional.of(argument);
        }
        if (username.equals(AuthClient.LOCAL_LIBRARIAN)) {
            return Optional.of(AuthClient.LOCAL_LIBRARIAN_PASSWORD);
        }
        return console.map(terminal -> terminal.readPassword("Password of %s: ", username))
                .map(typed -> {
                    String password = new String(typed);
                    Arrays.fill(typed, ' ');
                    return password;
                });
    }
}
