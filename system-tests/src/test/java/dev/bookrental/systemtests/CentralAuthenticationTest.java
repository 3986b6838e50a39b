package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Central authentication: one auth service (Spring Authorization Server) registers accounts, signs
 * people in and issues the access tokens every other part of the system checks. Everything here
 * goes through auth's public endpoints, as a browser or an app would.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class CentralAuthenticationTest {

    private static final String BFF_WEB_CLIENT = "bff-web";
    private static final String BFF_WEB_SECRET = "bff-web-local-secret";
    private static final String BFF_WEB_REDIRECT = "http://localhost:8081/bff/web/login/oauth2/code/bookrental";

    @Test
    void theAuthorizationCodeFlowWithPkceEndsWithAWorkingAccessToken() {
        User reader = User.register();

        Accounts.Tokens tokens = Accounts.signIn(reader.username(), reader.password());

        JsonNode header = part(tokens.accessToken(), 0);
        JsonNode claims = part(tokens.accessToken(), 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("kid").asString()).isNotBlank();
        assertThat(claims.get("iss").asString()).isEqualTo(Accounts.AUTH);
        assertThat(claims.get("sub").asString()).isEqualTo(reader.id());
        assertThat(values(claims.get("aud"))).contains(ForgedTokens.AUDIENCE);
        assertThat(values(claims.get("roles"))).containsExactly("MEMBER");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).as("short-lived").isLessThanOrEqualTo(300);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(Http.GATEWAY + "/api/members/me", "Authorization", tokens.bearer()).status() == 200);
        assertThat(Http.get(Http.GATEWAY + "/api/members/me", "Authorization", tokens.bearer()).json().get("id").asString())
                .isEqualTo(reader.id());
    }

    @Test
    void registrationCreatesAMemberWithAHundredPoints() {
        User reader = User.register();

        await().atMost(Duration.ofSeconds(30)).until(() -> Library.me(reader).status() == 200);
        JsonNode me = Library.me(reader).json();
        assertThat(me.get("points").asInt()).isEqualTo(100);
        assertThat(me.get("username").asString()).isEqualTo(reader.username());
    }

    @Test
    void badRegistrationsAreProblemsNamingTheFieldAndStoreNothing() {
        String username = Accounts.newUsername();
        String password = Accounts.strongPassword();
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("username", json(username.toUpperCase() + "!", password, "Reader")),
                Map.entry("username ", json("x".repeat(33), password, "Reader")),
                Map.entry("username  ", json("ab", password, "Reader")),
                Map.entry("password", json(username, "short-Pw1", "Reader")),
                Map.entry("password ", json(username, "p".repeat(129), "Reader")),
                Map.entry("password  ", json(username, "Password1234", "Reader")),
                Map.entry("password   ", json(username, "my-" + username + "-pass", "Reader")),
                Map.entry("password    ", json(username, "aaaaaabbbbbb", "Reader")),
                Map.entry("displayName", json(username, password, "d".repeat(65))),
                Map.entry("displayName ", json(username, password, "")),
                Map.entry("displayName  ", json(username, password, "Bidi\\u202Eoverride")),
                Map.entry("isAdmin", """
                        {"username":"%s","password":"%s","displayName":"Reader","isAdmin":true}""".formatted(username, password)));
        for (var body : bodies.entrySet()) {
            Http.Response refused = Http.postJson(Accounts.AUTH + "/auth/register", body.getValue());
            ApiErrorsTest.assertProblem(refused, 400, "urn:bookrental:problem:invalid-body");
            assertThat(refused.json().get("errors").findValuesAsString("name")).as(body.getValue()).contains(body.getKey().strip());
        }
        ApiErrorsTest.assertProblem(Http.postJson(Accounts.AUTH + "/auth/register", "{\"username\":"), 400, "urn:bookrental:problem:invalid-body");
        assertThat(accountsNamed(username)).as("nothing stored").isZero();

        Accounts.register(username, password, "First");
        Http.Response duplicate = Http.postJson(Accounts.AUTH + "/auth/register", json(username.toUpperCase(), Accounts.strongPassword(), "Second"));
        assertThat(duplicate.status()).as(duplicate.raw().body()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(accountsNamed(username)).isEqualTo(1);
    }

    @Test
    void aRefreshTokenWorksOnceAndIsRejectedWhenUsedAgain() {
        User reader = User.register();
        Accounts.Tokens first = new Accounts.Browser().signIn(reader.username(), reader.password(), BFF_WEB_CLIENT, BFF_WEB_REDIRECT, BFF_WEB_SECRET);
        assertThat(first.refreshToken()).isNotBlank();

        HttpResponse<String> rotated = Accounts.refresh(first.refreshToken(), BFF_WEB_CLIENT, BFF_WEB_SECRET);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        Accounts.Tokens second = Accounts.Tokens.of(Http.json(rotated.body()));
        assertThat(second.refreshToken()).as("rotated").isNotEqualTo(first.refreshToken());

        HttpResponse<String> replayed = Accounts.refresh(first.refreshToken(), BFF_WEB_CLIENT, BFF_WEB_SECRET);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(Http.json(replayed.body()).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aServiceTokenFromClientCredentialsCannotActAsAMember() {
        Accounts.Tokens service = Accounts.clientCredentials("rental-service", "rental-service-local-secret");

        assertThat(values(part(service.accessToken(), 1).get("roles"))).containsExactly("SERVICE");
        ApiErrorsTest.assertProblem(Http.get(Http.GATEWAY + "/api/members/me", "Authorization", service.bearer()),
                403, "urn:bookrental:problem:forbidden");
    }

    @Test
    void tokensSignedBeforeAKeyRotationStayValidAndNewOnesUseTheNewKey() {
        User reader = Library.registeredMember();
        Accounts.Tokens before = Accounts.signIn(reader.username(), reader.password());

        Http.Response rotated = Http.postJson(Accounts.AUTH + "/actuator/signingkeys", "{}");
        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
        Accounts.Tokens after = Accounts.signIn(reader.username(), reader.password());

        assertThat(part(after.accessToken(), 0).get("kid").asString()).isEqualTo(rotated.json().get("kid").asString())
                .isNotEqualTo(part(before.accessToken(), 0).get("kid").asString());
        List<String> published = Http.get(Accounts.AUTH + "/oauth2/jwks").json().get("keys").findValuesAsString("kid");
        assertThat(published).contains(part(before.accessToken(), 0).get("kid").asString(), part(after.accessToken(), 0).get("kid").asString());
        for (Accounts.Tokens tokens : List.of(before, after)) {
            for (String me : List.of(Http.GATEWAY + "/api/members/me", "http://127.0.0.1:8102/api/members/me")) {
                assertThat(Http.get(me, "Authorization", tokens.bearer()).status()).as(me).isEqualTo(200);
            }
        }
    }

    /** A JWT's header (0) or claims (1), decoded without checking anything. */
    static JsonNode part(String jwt, int index) {
        return Http.json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    /** A claim that is a string or an array of strings (RFC 7519 allows both for aud). */
    static List<String> values(JsonNode claim) {
        return claim.isArray() ? claim.valueStream().map(JsonNode::asString).toList() : List.of(claim.asString());
    }

    private static String json(String username, String password, String displayName) {
        return """
                {"username":"%s","password":"%s","displayName":"%s"}""".formatted(username, password, displayName);
    }

    private static int accountsNamed(String username) {
        try (Connection auth = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/auth", "auth", "auth");
             PreparedStatement query = auth.prepareStatement("SELECT count(*) FROM account WHERE lower(username) = lower(?)")) {
            query.setString(1, username);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
