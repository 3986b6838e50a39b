package dev.bookrental.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ./bookrental token} against a stand-in auth over real HTTP; no console here, as under {@code $(...)}. */
class TokenCommandTests {

    private final StandInAuth auth = StandInAuth.start();
    private final AuthClient client = new AuthClient(auth.uri());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TokenCommand command = new TokenCommand(client, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void printsTheAccessTokenAloneForCurl() {
        client.register("ada", "analytical engine 1843", "Ada Lovelace");

        int status = command.run(new String[] {"ada", "analytical engine 1843"}, Optional.empty());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("access-" + auth.accountId("ada") + "-[0-9a-f-]+\\R");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void signsTheLocalLibrarianInWithItsDocumentedPassword() {
        client.register("librarian", "librarian-local-only", "Local Librarian");

        assertThat(command.run(new String[] {"librarian"}, Optional.empty())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("access-" + auth.accountId("librarian"));
    }

    @Test
    void saysWhereTheSignInFailedAndPrintsNoToken() {
        client.register("ada", "analytical engine 1843", "Ada Lovelace");

        int status = command.run(new String[] {"ada", "wrong password"}, Optional.empty());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Sign-in of ada failed at log in: wrong username or password");
    }

    @Test
    void asksForThePasswordAsArgumentWhenThereIsNoConsole() {
        int status = command.run(new String[] {"ada"}, Optional.empty());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Give it as the second argument");
        assertThat(auth.seen()).isEmpty();
    }

    @Test
    void showsTheUsageWithoutUsername() {
        assertThat(command.run(new String[0], Optional.empty())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: bookrental token <username> [password]");
    }
}
