package dev.bookrental.launcher.signin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of the auth service over plain HTTP ({@code java.net.http} and a JSON parser, no
 * framework), doing what a person and an app do: register an account, sign in on auth's login page
 * through the authorization code flow with PKCE (RFC 7636, S256) as a browser would, and ask the
 * token endpoint for tokens (client credentials, refresh). No back door: the endpoints every
 * client uses. For {@code ./bookrental token}, the benchmarks, and tests of a running system.
 *
 * <p>Every sign-in is a new browser with a cookie jar of its own that follows each redirect itself,
 * so every step is checked; a failure is a {@link SignInException} naming the step
 * ({@code authorize}, {@code login page}, {@code log in}, {@code back to authorize},
 * {@code redeem the code}, ...) and what auth answered. Thread-safe: sign-ins may run side by side.
 */
public final class AuthClient {

    /** The local auth service, the issuer of the local tokens. */
    public static final URI LOCAL = URI.create("http://localhost:9000");
    /** The librarian auth creates in local runs (config/auth.yml); its password is public: local use only. */
    public static final String LOCAL_LIBRARIAN = "librarian";
    public static final String LOCAL_LIBRARIAN_PASSWORD = "librarian-local-only";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Generous: auth hashes a password (Argon2id, one hash per core at once) to register and to log in. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** The hidden CSRF field of the login form, whichever order its attributes come in. */
    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    /** Login → authorization request → the client's redirect URI: two hops; more means a loop. */
    private static final int MAX_REDIRECTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI auth;
    private final HttpClient http = newHttpClient(null);

    /** @param auth the auth service's base address, e.g. {@link #LOCAL} */
    public AuthClient(URI auth) {
        this.auth = Objects.requireNonNull(auth);
    }

    /** An OAuth client of auth: a public one (the mobile app, the command line) has no secret. */
    public record Client(String id, String secret, URI redirectUri) {

        /** The public client of the mobile app and the command line (PKCE protects its code; no refresh token). */
        public static final Client MOBILE = new Client("bookrental-mobile", null, URI.create("http://127.0.0.1:8765/callback"));

        public Client {
            Objects.requireNonNull(id);
        }
    }

    /** An account as {@code POST /auth/register} answered it; {@code id} is the account id, the member id everywhere. */
    public record Account(String id, String username, String displayName) {
    }

    /**
     * What the token endpoint answered; a token not issued is null (the mobile client gets no
     * refresh token, a client-credentials answer no ID token).
     */
    public record Tokens(String accessToken, String refreshToken, String idToken, Duration expiresIn, JsonNode response) {

        /** The value of an {@code Authorization} header carrying the access token. */
        public String bearer() {
            return "Bearer " + accessToken;
        }

        static Tokens of(JsonNode json) {
            return new Tokens(json.get("access_token").asString(), text(json, "refresh_token"), text(json, "id_token"),
                    json.hasNonNull("expires_in") ? Duration.ofSeconds(json.get("expires_in").asLong()) : null, json);
        }

        private static String text(JsonNode json, String field) {
            return json.hasNonNull(field) ? json.get(field).asString() : null;
        }
    }

    /** A PKCE pair (RFC 7636, method S256): the client keeps the verifier and sends the challenge. */
    public record Pkce(String verifier, String challenge) {

        /** A new verifier of 32 random bytes (43 characters, the least RFC 7636 allows) and its challenge. */
        public static Pkce create() {
            return of(randomUrlSafe(32));
        }

        /** {@code challenge = BASE64URL(SHA-256(ASCII(verifier)))}, without padding. */
        public static Pkce of(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-256", e);
            }
        }
    }

    /** {@code POST /auth/register}: a new member account (member creates its profile shortly after). */
    public Account register(String username, String password, String displayName) {
        ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password).put("displayName", displayName);
        String step = "register " + username;
        HttpResponse<String> answer = send(http, request(auth.resolve("/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), step);
        if (answer.statusCode() != 201) {
            throw failure(step, "HTTP " + answer.statusCode() + " " + answer.body(), answer);
        }
        JsonNode account = json(answer, step);
        return new Account(account.get("id").asString(), account.get("username").asString(), account.get("displayName").asString());
    }

    /** Signs in as {@code username} with the mobile client ({@link Client#MOBILE}). */
    public Tokens signIn(String username, String password) {
        return signIn(Client.MOBILE, username, password);
    }

    /**
     * The authorization code flow with PKCE, as a browser and an app do it: {@code GET
     * /oauth2/authorize} → redirect to the login page → the page (its CSRF token) → {@code POST
     * /login} → back to the authorization request → redirect to the client's redirect URI with the
     * code and the state → the client redeems the code with the verifier at {@code /oauth2/token}.
     */
    public Tokens signIn(Client client, String username, String password) {
        Pkce pkce = Pkce.create();
        String state = randomUrlSafe(16);
        Map<String, String> authorization = new LinkedHashMap<>();
        authorization.put("response_type", "code");
        authorization.put("client_id", client.id());
        authorization.put("redirect_uri", client.redirectUri().toString());
        authorization.put("scope", "openid profile");
        authorization.put("state", state);
        authorization.put("code_challenge", pkce.challenge());
        authorization.put("code_challenge_method", "S256");
        String code;
        try (Browser browser = new Browser()) {
            URI loginPage = redirect(browser.get(auth.resolve("/oauth2/authorize?" + form(authorization)), "authorize"), "authorize");
            if (isAt(loginPage, client.redirectUri())) {
                throw new SignInException("authorize", "auth refused the authorization request: " + query(loginPage), 302, "", null);
            }
            URI next = browser.logIn(loginPage, username, password);
            Map<String, String> callback = query(browser.followTo(client.redirectUri(), next));
            if (callback.containsKey("error")) {
                throw new SignInException("back to authorize", "auth answered the client with " + callback, 302, "", null);
            }
            if (!state.equals(callback.get("state"))) {
                throw new SignInException("back to authorize", "the state came back as " + callback.get("state")
                        + ", not as sent: the answer is not to this request", 302, "", null);
            }
            code = callback.get("code");
            if (code == null) {
                throw new SignInException("back to authorize", "no code in " + callback, 302, "", null);
            }
        }
        Map<String, String> redeem = new LinkedHashMap<>();
        redeem.put("grant_type", "authorization_code");
        redeem.put("code", code);
        redeem.put("redirect_uri", client.redirectUri().toString());
        redeem.put("code_verifier", pkce.verifier());
        return token("redeem the code", client, redeem);
    }

    /** A service's token: client credentials, the client authenticated with HTTP Basic. */
    public Tokens clientCredentials(String clientId, String secret) {
        return token("client credentials", new Client(clientId, Objects.requireNonNull(secret), null),
                Map.of("grant_type", "client_credentials"));
    }

    /** New tokens for a refresh token (rotated: the one given is spent). */
    public Tokens refresh(Client client, String refreshToken) {
        return token("refresh", client, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /**
     * {@code POST /oauth2/token}: a confidential client authenticates with HTTP Basic (RFC 6749
     * 2.3.1: id and secret form-encoded first), a public one names itself with {@code client_id}.
     */
    private Tokens token(String step, Client client, Map<String, String> parameters) {
        Map<String, String> body = new LinkedHashMap<>(parameters);
        HttpRequest.Builder request = request(auth.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (client.secret() == null) {
            body.put("client_id", client.id());
        } else {
            String credentials = encode(client.id()) + ":" + encode(client.secret());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer = send(http, request.POST(HttpRequest.BodyPublishers.ofString(form(body))), step);
        if (answer.statusCode() != 200) {
            throw failure(step, "HTTP " + answer.statusCode() + " " + answer.body(), answer);
        }
        JsonNode json = json(answer, step);
        if (!json.hasNonNull("access_token")) {
            throw failure(step, "no access_token in " + answer.body(), answer);
        }
        return Tokens.of(json);
    }

    /** A browser of one sign-in: its own cookie jar (auth's login session), redirects followed by hand. */
    private final class Browser implements AutoCloseable {

        private final HttpClient client = newHttpClient(new CookieManager(null, CookiePolicy.ACCEPT_ALL));

        /**
         * A page, accepting HTML only: Spring Security saves the authorization request for after the
         * login only if it does not accept JSON (its request cache skips what looks like an API call).
         */
        HttpResponse<String> get(URI uri, String step) {
            return send(client, request(uri).setHeader("Accept", "text/html").GET(), step);
        }

        /** Fills in and submits the login form (it posts back to the page's address); where auth sends the browser next. */
        URI logIn(URI loginPage, String username, String password) {
            HttpResponse<String> page = get(loginPage, "login page");
            if (page.statusCode() != 200) {
                throw failure("login page", "HTTP " + page.statusCode() + " at " + loginPage, page);
            }
            Matcher csrf = CSRF.matcher(page.body());
            if (!csrf.find()) {
                throw failure("login page", "no _csrf field in the login form at " + loginPage, page);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("username", username);
            fields.put("password", password);
            fields.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
            URI formAction = loginPage.resolve(loginPage.getRawPath());
            HttpResponse<String> posted = send(client, request(formAction)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))), "log in");
            URI next = redirect(posted, "log in");
            if (next.getPath().equals(loginPage.getPath())) {
                throw new SignInException("log in", "wrong username or password for " + username
                        + " (auth sent the browser back to " + next + ")", posted.statusCode(), posted.body(), null);
            }
            return next;
        }

        /** Follows auth's redirects from {@code next} until one points at the client's redirect URI; that one. */
        URI followTo(URI redirectUri, URI next) {
            URI location = next;
            for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
                if (isAt(location, redirectUri)) {
                    return location;
                }
                location = redirect(get(location, "back to authorize"), "back to authorize");
            }
            throw new SignInException("back to authorize", "still no redirect to " + redirectUri + " after " + MAX_REDIRECTS
                    + " redirects, last " + location, 0, "", null);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** Where a redirect points, resolved against the request; anything but a redirect fails the step. */
    private static URI redirect(HttpResponse<String> response, String step) {
        if (response.statusCode() / 100 != 3) {
            throw failure(step, "HTTP " + response.statusCode() + " at " + response.uri() + ", expected a redirect", response);
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> failure(step, "a redirect without Location from " + response.uri(), response));
        return response.uri().resolve(location);
    }

    /** Whether {@code location} is the redirect URI (with its query added): same scheme, host, port and path. */
    private static boolean isAt(URI location, URI redirectUri) {
        return Objects.equals(location.getScheme(), redirectUri.getScheme()) && Objects.equals(location.getHost(), redirectUri.getHost())
                && location.getPort() == redirectUri.getPort() && Objects.equals(location.getPath(), redirectUri.getPath());
    }

    private static HttpClient newHttpClient(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String step) {
        HttpRequest built = request.build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            URI withoutQuery = built.uri().resolve(built.uri().getRawPath());
            throw new SignInException(step, "no answer from " + built.method() + " " + withoutQuery + " (" + e
                    + "): is auth running?", 0, "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(step, "interrupted", 0, "", e);
        }
    }

    private static JsonNode json(HttpResponse<String> answer, String step) {
        try {
            return JSON.readTree(answer.body());
        } catch (JacksonException e) {
            throw failure(step, "not JSON: " + answer.body(), answer);
        }
    }

    private static SignInException failure(String step, String problem, HttpResponse<String> answer) {
        return new SignInException(step, problem, answer.statusCode(), answer.body(), null);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
