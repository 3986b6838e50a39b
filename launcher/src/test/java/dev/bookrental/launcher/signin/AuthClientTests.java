package dev.bookrental.launcher.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bookrental.launcher.signin.AuthClient.Account;
import dev.bookrental.launcher.signin.AuthClient.Client;
import dev.bookrental.launcher.signin.AuthClient.Pkce;
import dev.bookrental.launcher.signin.AuthClient.Tokens;

/** The client against a stand-in auth over real HTTP ({@link StandInAuth}): each step, and each step failing. */
class AuthClientTests {

    private static final String PASSWORD = "analytical engine 1843";

    private final StandInAuth auth = StandInAuth.start();
    private final AuthClient client = new AuthClient(auth.uri());

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void registersAnAccount() {
        Account account = client.register("ada", PASSWORD, "Ada Lovelace");

        assertThat(account).isEqualTo(new Account(auth.accountId("ada"), "ada", "Ada Lovelace"));
        assertThat(auth.seen()).extracting(StandInAuth.Seen::method, StandInAuth.Seen::path)
                .containsExactly(tuple("POST", "/auth/register"));
    }

    @Test
    void saysWhyARegistrationWasRefused() {
        client.register("ada", PASSWORD, "Ada Lovelace");

        SignInException taken = catchThrowableOfType(SignInException.class, () -> client.register("ada", PASSWORD, "Another Ada"));

        assertThat(taken.step()).isEqualTo("register ada");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("username-taken");
        assertThat(taken).hasMessageStartingWith("register ada: HTTP 409");
    }

    @Test
    void signsInOnTheLoginPageAndRedeemsTheCodeWithThePkceVerifier() {
        client.register("ada", PASSWORD, "Ada Lovelace");

        Tokens tokens = client.signIn("ada", PASSWORD);

        assertThat(tokens.accessToken()).startsWith("access-" + auth.accountId("ada"));
        assertThat(tokens.bearer()).isEqualTo("Bearer " + tokens.accessToken());
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofSeconds(299));
        assertThat(tokens.refreshToken()).as("a public client gets none").isNull();
        assertThat(auth.seen()).extracting(seen -> seen.method() + " " + seen.path()).containsExactly(
                "POST /auth/register",
                "GET /oauth2/authorize", // no session yet: to the login page
                "GET /login",
                "POST /login",
                "GET /oauth2/authorize", // signed in: the code, to the redirect URI
                "POST /oauth2/token");
        StandInAuth.Seen authorize = auth.seen().get(1);
        assertThat(authorize.parameters()).containsEntry("client_id", "bookrental-mobile")
                .containsEntry("redirect_uri", "http://127.0.0.1:8765/callback")
                .containsEntry("scope", "openid profile")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("state");
        String verifier = auth.seen().getLast().parameters().get("code_verifier");
        assertThat(auth.verifiedVerifiers()).as("auth found S256(verifier) = the challenge").containsExactly(verifier);
        assertThat(Pkce.of(verifier).challenge()).isEqualTo(authorize.parameters().get("code_challenge"));
        assertThat(verifier).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void everySignInHasAVerifierAndStateOfItsOwn() {
        client.register("ada", PASSWORD, "Ada Lovelace");

        client.signIn("ada", PASSWORD);
        client.signIn("ada", PASSWORD);

        assertThat(auth.verifiedVerifiers()).hasSize(2).doesNotHaveDuplicates();
        assertThat(auth.seen()).filteredOn(seen -> seen.path().equals("/oauth2/authorize") && !seen.parameters().containsKey("continue"))
                .extracting(seen -> seen.parameters().get("state")).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void signsInWithAConfidentialClientAndRefreshes() {
        client.register("ada", PASSWORD, "Ada Lovelace");
        Client web = new Client(StandInAuth.WEB, StandInAuth.WEB_SECRET, URI.create(StandInAuth.WEB_REDIRECT));

        Tokens tokens = client.signIn(web, "ada", PASSWORD);
        Tokens refreshed = client.refresh(web, tokens.refreshToken());

        assertThat(refreshed.accessToken()).startsWith("access-" + auth.accountId("ada")).isNotEqualTo(tokens.accessToken());
        SignInException reused = catchThrowableOfType(SignInException.class, () -> client.refresh(web, tokens.refreshToken()));
        assertThat(reused.step()).isEqualTo("refresh");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).contains("invalid_grant");
    }

    @Test
    void aWrongPasswordFailsTheLogInStep() {
        client.register("ada", PASSWORD, "Ada Lovelace");

        assertThatThrownBy(() -> client.signIn("ada", "not the password"))
                .isInstanceOfSatisfying(SignInException.class, e -> assertThat(e.step()).isEqualTo("log in"))
                .hasMessageContaining("wrong username or password for ada");
        assertThat(auth.seen()).noneMatch(seen -> seen.path().equals("/oauth2/token"));
    }

    @Test
    void anAuthorizationRequestAuthRefusesFailsTheAuthorizeStep() {
        Client unknown = new Client("unknown-app", null, URI.create("http://127.0.0.1:9999/elsewhere"));

        assertThatThrownBy(() -> client.signIn(unknown, "ada", PASSWORD))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.step()).isEqualTo("authorize");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    @Test
    void refusesACodeThatComesBackWithAnotherState() {
        client.register("ada", PASSWORD, "Ada Lovelace");
        auth.answerWithAnotherState();

        assertThatThrownBy(() -> client.signIn("ada", PASSWORD))
                .isInstanceOfSatisfying(SignInException.class, e -> assertThat(e.step()).isEqualTo("back to authorize"))
                .hasMessageContaining("state came back as forged");
        assertThat(auth.seen()).noneMatch(seen -> seen.path().equals("/oauth2/token"));
    }

    @Test
    void getsAServiceTokenWithClientCredentials() {
        Tokens tokens = client.clientCredentials(StandInAuth.SERVICE, StandInAuth.SERVICE_SECRET);

        assertThat(tokens.accessToken()).startsWith("access-rental-service-");
        assertThat(auth.seen().getFirst().parameters()).containsEntry("grant_type", "client_credentials").doesNotContainKey("client_id");
        SignInException wrongSecret = catchThrowableOfType(SignInException.class,
                () -> client.clientCredentials(StandInAuth.SERVICE, "wrong"));
        assertThat(wrongSecret.step()).isEqualTo("client credentials");
        assertThat(wrongSecret.status()).isEqualTo(401);
    }

    @Test
    void saysWhenAuthIsNotReachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AuthClient nowhere = new AuthClient(URI.create("http://localhost:" + closedPort));

        assertThatThrownBy(() -> nowhere.signIn("ada", PASSWORD))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.step()).isEqualTo("authorize");
                    assertThat(e.status()).isZero();
                })
                .hasMessageContaining("localhost:" + closedPort).hasMessageContaining("is auth running?");
    }

    @Test
    void computesTheS256ChallengeOfRfc7636AppendixB() {
        assertThat(Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").challenge())
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }
}
