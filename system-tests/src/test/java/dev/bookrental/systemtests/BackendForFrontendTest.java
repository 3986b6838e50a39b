package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;

/**
 * Backend for frontend: the browser signs in through bff-web, which keeps the tokens in its
 * session in Redis and gives the browser only an HttpOnly session cookie. The session outlives a
 * bff-web restart, is shared by every bff-web instance, and logging out ends it and revokes the
 * tokens at auth. bff-mobile answers a phone's home screen from several services in one call.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class BackendForFrontendTest {

    private static final String BFF_WEB = "http://localhost:8081";
    private static final String SESSION_COOKIE = "BFF_SESSION";

    @Test
    void aBrowserSessionHoldsNoTokenSurvivesARestartIsSharedAndEndsWithLogout(RunningSystem system) {
        User reader = Library.registeredMember();
        Accounts.Browser browser = new Accounts.Browser();

        List<HttpResponse<String>> flow = signInThroughBffWeb(browser, reader);

        String setCookie = flow.stream().flatMap(r -> r.headers().allValues("Set-Cookie").stream())
                .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "=")).reduce((first, last) -> last).orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/bff/web");
        JsonNode me = me(browser, BFF_WEB);
        assertThat(me.get("username").asString()).isEqualTo(reader.username());
        assertThat(me.get("points").asInt()).isEqualTo(100);
        flow.add(browser.send(jsonRequest(BFF_WEB + "/bff/web/api/me")));
        assertThat(flow).as("no answer to the browser carries a JWT").allSatisfy(response -> {
            assertThat(response.body()).doesNotContain("eyJ");
            assertThat(String.join(" ", response.headers().allValues("Set-Cookie"))).doesNotContain("eyJ");
        });

        List<ServiceInstance> bffWebs = system.instances("bff-web");
        assertThat(bffWebs).hasSize(2);
        assertThat(me(browser, "http://localhost:" + bffWebs.get(1).port()).get("username").asString())
                .as("the second instance serves the same session").isEqualTo(reader.username());

        ServiceInstance first = bffWebs.getFirst();
        first.kill();
        Instances.start(first);
        assertThat(me(browser, BFF_WEB).get("username").asString()).as("the session survived the restart").isEqualTo(reader.username());

        HttpResponse<String> withoutCsrf = browser.send(HttpRequest.newBuilder(URI.create(BFF_WEB + "/bff/web/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withoutCsrf.statusCode()).as("logout needs the CSRF token").isEqualTo(403);
        assertThat(me(browser, BFF_WEB).get("username").asString()).isEqualTo(reader.username());

        assertThat(refreshTokensStillValid(reader)).as("signed in: auth honours the session's refresh token").isPositive();
        JsonNode csrf = Http.json(browser.send(jsonRequest(BFF_WEB + "/bff/web/api/csrf")).body());
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(BFF_WEB + "/bff/web/logout"))
                .header(csrf.get("headerName").asString(), csrf.get("token").asString())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).as(logout.body()).isBetween(200, 399);
        HttpResponse<String> afterLogout = browser.send(jsonRequest(BFF_WEB + "/bff/web/api/me"));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(refreshTokensStillValid(reader)).as("the tokens were revoked at auth").isZero();
    }

    @Test
    void bffMobileGathersTheHomeScreenFromSeveralServicesWithTheCallersToken() {
        User reader = Library.registeredMember();
        long book = Library.addBook("Read On The Phone", 1);
        Library.rentToTheEnd(reader, book);

        Http.Response home = Http.get(Http.GATEWAY + "/bff/mobile/home", reader.authorization());

        assertThat(home.status()).as(home.raw().body()).isEqualTo(200);
        JsonNode screen = home.json();
        assertThat(screen.toString()).contains("Read On The Phone");
        assertThat(screen.findValues("points").getFirst().asInt()).isEqualTo(100 - RentSagaTest.RENT);
        assertThat(screen.findValuesAsString("dueAt")).hasSize(1);
        assertThat(screen.get("bestBooks").isArray()).as("the read side's ranking: %s", screen).isTrue();
        assertThat(screen.get("bestBooks").size()).isLessThanOrEqualTo(5);
        ApiErrorsTest.assertProblem(Http.get(Http.GATEWAY + "/bff/mobile/home"), 401, "urn:bookrental:problem:unauthenticated");
    }

    /** Sign-in as a browser does it: bff-web → auth's login page → back to bff-web with a code. */
    static List<HttpResponse<String>> signInThroughBffWeb(Accounts.Browser browser, User reader) {
        List<HttpResponse<String>> flow = new ArrayList<>();
        HttpResponse<String> toAuth = browser.get(BFF_WEB + "/bff/web/oauth2/authorization/bookrental");
        flow.add(toAuth);
        assertThat(toAuth.statusCode()).isEqualTo(302);
        HttpResponse<String> toLogin = browser.get(location(toAuth));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String next = browser.login(location(toLogin), reader.username(), reader.password());
        String url = next.startsWith("http") ? next : Accounts.AUTH + next;
        for (int hop = 0; hop < 5 && url != null; hop++) {
            HttpResponse<String> response = browser.get(url);
            flow.add(response);
            if (response.statusCode() / 100 != 3) {
                break;
            }
            String location = location(response);
            url = location.startsWith("http") ? location : BFF_WEB + location;
        }
        return flow;
    }

    private static JsonNode me(Accounts.Browser browser, String base) {
        HttpResponse<String> me = browser.send(jsonRequest(base + "/bff/web/api/me"));
        assertThat(me.statusCode()).as(base + " " + me.body()).isEqualTo(200);
        return Http.json(me.body());
    }

    private static HttpRequest.Builder jsonRequest(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(response.statusCode() + " " + response.body()));
    }

    /** bff-web's refresh tokens of this reader that auth would still honour. */
    private static int refreshTokensStillValid(User reader) {
        try (Connection auth = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/auth", "auth", "auth");
             PreparedStatement query = auth.prepareStatement("""
                     SELECT count(*) FROM oauth2_authorization a JOIN oauth2_registered_client c ON c.id = a.registered_client_id
                     WHERE c.client_id = 'bff-web' AND a.principal_name IN (?, ?) AND a.refresh_token_value IS NOT NULL
                       AND a.refresh_token_metadata NOT LIKE '%"metadata.token.invalidated":true%'""")) {
            query.setString(1, reader.username());
            query.setString(2, reader.id());
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
