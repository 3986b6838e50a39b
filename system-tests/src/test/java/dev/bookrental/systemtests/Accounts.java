package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * What a user does at the auth service, scripted over plain HTTP like a browser and an app would
 * do it: register, sign in on the login page, and get tokens through the authorization code flow
 * with PKCE (RFC 7636) — no test back door, the same endpoints a client uses.
 */
final class Accounts {

    static final String AUTH = "http://localhost:9000";
    /** The public client of the mobile app and the CLI (no secret: PKCE protects the code). */
    static final String MOBILE_CLIENT = "bookrental-mobile";
    static final String MOBILE_REDIRECT = "http://127.0.0.1:8765/callback";
    /** The local librarian of config/auth.yml, for local use only. */
    static final String LIBRARIAN = "librarian";
    static final String LIBRARIAN_PASSWORD = "librarian-local-only";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Accounts() {
    }

    /** Tokens as the token endpoint answered them. */
    record Tokens(String accessToken, String refreshToken, String idToken, JsonNode raw) {
        static Tokens of(JsonNode json) {
            return new Tokens(json.get("access_token").asString(), text(json, "refresh_token"), text(json, "id_token"), json);
        }

        String bearer() {
            return "Bearer " + accessToken;
        }

        private static String text(JsonNode json, String field) {
            return json.has(field) ? json.get(field).asString() : null;
        }
    }

    /** Registers an account; its id. */
    static String register(String username, String password, String displayName) {
        Http.Response registered = Http.postJson(AUTH + "/auth/register", """
                {"username":"%s","password":"%s","displayName":"%s"}""".formatted(username, password, displayName));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    /** A fresh username; a password no strength rule refuses. */
    static String newUsername() {
        return "reader-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static String strongPassword() {
        return "Correct-Horse-" + UUID.randomUUID().toString().substring(0, 8) + "-Battery";
    }

    /** Signs in as {@code username} on the login page and runs the code flow with PKCE for the mobile client. */
    static Tokens signIn(String username, String password) {
        return new Browser().signIn(username, password, MOBILE_CLIENT, MOBILE_REDIRECT, null);
    }

    /**
     * A browser: keeps its cookies, follows nothing by itself, so each step of the flow is visible
     * and checked.
     */
    static final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        HttpClient client() {
            return client;
        }

        /**
         * The authorization code flow with PKCE: authorize → login page → credentials → code at the
         * redirect URI → tokens. {@code clientSecret} is null for a public client.
         */
        Tokens signIn(String username, String password, String clientId, String redirectUri, String clientSecret) {
            String verifier = randomUrlSafe(48);
            String state = randomUrlSafe(16);
            String authorize = AUTH + "/oauth2/authorize?" + form(Map.of(
                    "response_type", "code",
                    "client_id", clientId,
                    "redirect_uri", redirectUri,
                    "scope", "openid profile",
                    "state", state,
                    "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256"));
            HttpResponse<String> toLogin = get(authorize);
            assertThat(toLogin.statusCode()).as("authorize redirects to the login page").isEqualTo(302);
            String callback = login(location(toLogin), username, password);
            // After the login, auth sends the browser back to the authorization request, which answers with the code.
            HttpResponse<String> withCode = callback.startsWith(redirectUri) ? null : get(absolute(callback));
            String redirect = withCode == null ? callback : location(withCode);
            assertThat(redirect).as("the code comes back to the client's redirect URI").startsWith(redirectUri);
            Map<String, String> query = query(URI.create(redirect).getRawQuery());
            assertThat(query.get("state")).as("state is echoed").isEqualTo(state);
            assertThat(query).as(redirect).containsKey("code");
            Map<String, String> token = new LinkedHashMap<>();
            token.put("grant_type", "authorization_code");
            token.put("code", query.get("code"));
            token.put("redirect_uri", redirectUri);
            token.put("code_verifier", verifier);
            if (clientSecret == null) {
                token.put("client_id", clientId);
            }
            HttpResponse<String> answer = tokenRequest(token, clientId, clientSecret);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return Tokens.of(Http.json(answer.body()));
        }

        /** Fills in the login page; where auth sends the browser next. */
        String login(String loginPage, String username, String password) {
            HttpResponse<String> page = get(absolute(loginPage));
            assertThat(page.statusCode()).as("login page").isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
            String csrfToken = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(AUTH + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                            "username", username, "password", password, "_csrf", csrfToken)))));
            assertThat(posted.statusCode()).as("login answered %s", posted.body()).isEqualTo(302);
            String next = location(posted);
            assertThat(next).as("signed in (not sent back to the login page with an error)").doesNotContain("error");
            return next;
        }

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*").GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("Request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Asks the token endpoint for new tokens with a refresh token. */
    static HttpResponse<String> refresh(String refreshToken, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (clientSecret == null) {
            form.put("client_id", clientId);
        }
        return tokenRequest(form, clientId, clientSecret);
    }

    /** A client-credentials token of a service client. */
    static Tokens clientCredentials(String clientId, String clientSecret) {
        HttpResponse<String> answer = tokenRequest(Map.of("grant_type", "client_credentials"), clientId, clientSecret);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Tokens.of(Http.json(answer.body()));
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> form, String clientId, String clientSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(AUTH + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (clientSecret != null) {
            String basic = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return new Browser().send(request);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("No Location in a " + response.statusCode() + " answer: " + response.body()));
    }

    private static String absolute(String location) {
        return location.startsWith("http") ? location : AUTH + location;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
