package dev.bookrental.bff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;

/**
 * The session lives in Redis, not in a bff-web process: real bff-web instances (each its own
 * application context and Tomcat) on one real Redis, with a real HTTP server standing in for auth
 * and the gateway. A sign-in started on one instance is finished on another, its tokens are renewed
 * by one and used by a third after the first two are gone, and a sign-out on one ends it on all.
 * Requests carry the X-Forwarded-* headers the gateway adds, as a browser at
 * http://localhost:8080/bff/web/ would cause.
 */
class SessionInRedisTests {

    private static final String CLIENT_SECRET = "bff-web-local-secret";
    private static final StandInAuthAndGateway auth = new StandInAuthAndGateway(CLIENT_SECRET);
    private static final Map<String, String> THROUGH_THE_GATEWAY = Map.of(
            "X-Forwarded-Host", "localhost:8080", "X-Forwarded-Port", "8080", "X-Forwarded-Proto", "http");
    private static final String AUTHORIZED_CLIENTS_ATTRIBUTE = "sessionAttr:"
            + HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void noSessionsYet() {
        auth.reset();
        TestRedis.flushAll();
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void aSessionStartedOnOneInstanceIsFinishedOnAnotherAndOutlivesBoth() throws Exception {
        auth.firstAccessTokenLifetime(Duration.ofSeconds(30)); // under a minute: renewed at the first call
        String session;
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            session = signIn(first, second);

            StringRedisTemplate redis = second.getBean(StringRedisTemplate.class);
            assertThat(redis.keys("bff-web:sessions:*")).containsExactly("bff-web:sessions:" + sessionId(session));
            assertThat(redis.<String, Object>opsForHash().keys("bff-web:sessions:" + sessionId(session)))
                    .contains("sessionAttr:SPRING_SECURITY_CONTEXT", AUTHORIZED_CLIENTS_ATTRIBUTE);

            first.close(); // the instance that started the sign-in is gone
            HttpResponse<String> me = get(second, "/bff/web/api/me", session);

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<String>read(me.body(), "$.displayName")).isEqualTo("Alice");
            assertThat(JsonPath.<Integer>read(me.body(), "$.points")).isEqualTo(100);
            // The access token expired within a minute: renewed with the refresh token first (rotation).
            assertThat(auth.tokenRequests()).extracting(request -> request.form().get("grant_type"))
                    .containsExactly("authorization_code", "refresh_token");
            assertThat(auth.tokenRequests().get(1).form()).containsEntry("refresh_token", "refresh-1");
            assertThat(auth.apiCalls()).extracting(StandInAuthAndGateway.Received::authorization).containsExactly("Bearer access-2");
        }

        try (ConfigurableApplicationContext restarted = start()) {
            HttpResponse<String> me = get(restarted, "/bff/web/api/me", session);

            assertThat(me.statusCode()).isEqualTo(200);
            // The renewed tokens were written back to the session in Redis: used as they are, no refresh.
            assertThat(auth.tokenRequests()).hasSize(2);
            assertThat(auth.apiCalls()).extracting(StandInAuthAndGateway.Received::authorization)
                    .containsExactly("Bearer access-2", "Bearer access-2");
        }
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnAll() throws Exception {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            String session = signIn(first, second);
            HttpResponse<String> csrf = get(second, "/bff/web/api/csrf", session);

            HttpResponse<String> logout = send(first, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody())
                    .header(JsonPath.read(csrf.body(), "$.headerName"), JsonPath.read(csrf.body(), "$.token")), "/bff/web/logout", session);

            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(auth.url() + "/connect/logout?")
                    .contains("id_token_hint=", "post_logout_redirect_uri=http://localhost:8080/bff/web/");
            assertThat(auth.revocations()).extracting(revocation -> revocation.form().get("token"))
                    .containsExactly("refresh-1", "access-1");
            assertThat(first.getBean(StringRedisTemplate.class).keys("bff-web:sessions:*")).isEmpty();
            assertThat(get(second, "/bff/web/api/me", session).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void redirectUriAndCookieFollowTheUrlTheBrowserUsed() throws Exception {
        try (ConfigurableApplicationContext bffWeb = start()) {
            HttpResponse<String> direct = send(bffWeb, HttpRequest.newBuilder().GET(), "/bff/web/oauth2/authorization/bookrental", null, Map.of());
            HttpResponse<String> gateway = send(bffWeb, HttpRequest.newBuilder().GET(), "/bff/web/oauth2/authorization/bookrental", null,
                    THROUGH_THE_GATEWAY);
            HttpResponse<String> https = send(bffWeb, HttpRequest.newBuilder().GET(), "/bff/web/oauth2/authorization/bookrental", null,
                    Map.of("X-Forwarded-Host", "bookrental.example", "X-Forwarded-Proto", "https"));

            assertThat(query(direct).get("redirect_uri")).isEqualTo(url(bffWeb, "/bff/web/login/oauth2/code/bookrental"));
            assertThat(query(gateway).get("redirect_uri")).isEqualTo("http://localhost:8080/bff/web/login/oauth2/code/bookrental");
            assertThat(query(https).get("redirect_uri")).isEqualTo("https://bookrental.example/bff/web/login/oauth2/code/bookrental");
            assertThat(setCookie(gateway)).contains("; Path=/bff/web", "; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
            assertThat(setCookie(https)).contains("; Path=/bff/web", "; HttpOnly", "; SameSite=Lax", "; Secure");
        }
    }

    /**
     * Signs in as a browser does through the gateway: bff-web {@code starting} redirects to auth,
     * the person signs in there (the stand-in hands out a code bound to the PKCE challenge), and auth
     * sends the browser back to the callback, which the gateway routes to {@code finishing}.
     *
     * @return the session cookie ({@code BFF_SESSION=...}) after signing in
     */
    private String signIn(ConfigurableApplicationContext starting, ConfigurableApplicationContext finishing) throws Exception {
        HttpResponse<String> toAuth = send(starting, HttpRequest.newBuilder().GET(), "/bff/web/oauth2/authorization/bookrental", null,
                THROUGH_THE_GATEWAY);
        Map<String, String> authorizationRequest = query(toAuth);
        assertThat(authorizationRequest).containsEntry("code_challenge_method", "S256").containsEntry("client_id", "bff-web");
        String code = auth.approve(authorizationRequest.get("code_challenge"), authorizationRequest.get("nonce"),
                authorizationRequest.get("redirect_uri"));

        HttpResponse<String> back = send(finishing, HttpRequest.newBuilder().GET(), "/bff/web/login/oauth2/code/bookrental?code="
                + code + "&state=" + URLEncoder.encode(authorizationRequest.get("state"), StandardCharsets.UTF_8),
                cookie(toAuth), THROUGH_THE_GATEWAY);

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/bff/web/").doesNotContain("signin=failed");
        assertThat(auth.tokenRequests().getFirst().form()).containsKey("code_verifier");
        return cookie(back);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext bffWeb, String path, String cookie) throws Exception {
        return send(bffWeb, HttpRequest.newBuilder().GET(), path, cookie);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext bffWeb, HttpRequest.Builder request, String path,
            String cookie) throws Exception {
        return send(bffWeb, request, path, cookie, THROUGH_THE_GATEWAY);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext bffWeb, HttpRequest.Builder request, String path,
            String cookie, Map<String, String> headers) throws IOException, InterruptedException {
        request.uri(URI.create(url(bffWeb, path))).header("Accept", "application/json");
        headers.forEach(request::header);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start() {
        // Command-line arguments: they take precedence over config/bff-web.yml, as the launcher's do.
        return new SpringApplicationBuilder(BffWebApplication.class).run(
                "--spring.config.location=file:../../config/bff-web.yml,classpath:/test.yml",
                "--server.port=0",
                "--bookrental.security.issuer=" + auth.url(),
                "--spring.http.serviceclient.gateway.base-url=" + auth.url(),
                "--spring.data.redis.port=" + TestRedis.port());
    }

    private static String url(ConfigurableApplicationContext bffWeb, String path) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) bffWeb).getWebServer().getPort() + path;
    }

    private static String setCookie(HttpResponse<String> response) {
        return response.headers().firstValue("Set-Cookie").orElseThrow();
    }

    /** The {@code BFF_SESSION=...} pair of the response's Set-Cookie, as the browser sends it back. */
    private static String cookie(HttpResponse<String> response) {
        String cookie = setCookie(response);
        assertThat(cookie).startsWith("BFF_SESSION=");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring("BFF_SESSION=".length())), StandardCharsets.UTF_8);
    }

    /** The query parameters of the redirect to auth's authorization endpoint, decoded. */
    private static Map<String, String> query(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
