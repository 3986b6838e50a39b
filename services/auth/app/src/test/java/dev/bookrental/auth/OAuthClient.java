package dev.bookrental.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OAuth client and a browser over plain HTTP, as the system tests script them: the
 * authorization code flow with PKCE through the login form, the token endpoint, and the JWK set
 * to verify what came back. No redirect is followed by itself, so each step can be checked.
 */
public final class OAuthClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public OAuthClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The tokens of a token response; a token not issued is null. */
    public record Tokens(String accessToken, String refreshToken, String idToken, JsonNode response) {

        public static Tokens of(HttpResponse<String> response) {
            assertThat(response.statusCode()).as("token response %s", response.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(response.body());
            return new Tokens(text(json, "access_token"), text(json, "refresh_token"), text(json, "id_token"), json);
        }

        private static String text(JsonNode json, String field) {
            return json.hasNonNull(field) ? json.get(field).asString() : null;
        }
    }

    /** A PKCE pair (RFC 7636, S256). */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A browser with a fresh cookie jar asks for an authorization code, is sent to the login page,
     * signs in, and is sent back to the client's redirect URI.
     *
     * @return the query parameters of the final redirect: {@code code} and {@code state}, or {@code error}
     */
    public Map<String, String> authorize(Map<String, String> authorizationRequest, String username, String password) {
        Browser browser = browser();
        HttpResponse<String> toLogin = browser.get(authorizationUri(authorizationRequest));
        assertThat(toLogin.statusCode()).as("authorize without a session: %s", toLogin.body()).isEqualTo(302);
        assertThat(location(toLogin).getPath()).isEqualTo("/login");

        HttpResponse<String> loggedIn = browser.login(username, password);
        assertThat(loggedIn.statusCode()).as("login").isEqualTo(302);
        assertThat(location(loggedIn).getPath()).as("back to the authorization request, not a login error")
                .isEqualTo("/oauth2/authorize");

        HttpResponse<String> toClient = browser.get(location(loggedIn));
        assertThat(toClient.statusCode()).as("authorize with a session: %s", toClient.body()).isEqualTo(302);
        return redirectParameters(toClient);
    }

    /** An authorization request for a code with PKCE, scopes {@code openid profile} and state {@code state-1}. */
    public static Map<String, String> authorizationRequest(String clientId, String redirectUri, Pkce pkce) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("scope", "openid profile");
        request.put("redirect_uri", redirectUri);
        request.put("state", "state-1");
        request.put("code_challenge", pkce.challenge());
        request.put("code_challenge_method", "S256");
        return request;
    }

    /** The authorization code flow with PKCE to its end: a browser signs in, the client redeems the code. */
    public Tokens signIn(String clientId, String secret, String redirectUri, String username, String password) {
        Pkce pkce = Pkce.create();
        Map<String, String> redirect = authorize(authorizationRequest(clientId, redirectUri, pkce), username, password);
        assertThat(redirect).containsKey("code");
        return Tokens.of(token(clientId, secret, Map.of("grant_type", "authorization_code", "code", redirect.get("code"),
                "redirect_uri", redirectUri, "code_verifier", pkce.verifier())));
    }

    /** {@code /oauth2/authorize} with these parameters. */
    public URI authorizationUri(Map<String, String> authorizationRequest) {
        return url("/oauth2/authorize?" + form(authorizationRequest));
    }

    /** The query parameters of a redirect's target. */
    public static Map<String, String> redirectParameters(HttpResponse<?> redirect) {
        return UriComponentsBuilder.fromUri(location(redirect)).build().getQueryParams().toSingleValueMap();
    }

    /** A new browser, with no session yet. */
    public Browser browser() {
        return new Browser();
    }

    /** A browser of its own: cookies kept, redirects not followed. */
    public final class Browser {

        private final HttpClient withCookies = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        public HttpResponse<String> get(URI uri) {
            return send(withCookies, HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
        }

        /** Opens the login page and submits its form (with the page's CSRF token). */
        public HttpResponse<String> login(String username, String password) {
            HttpResponse<String> loginPage = get(url("/login"));
            assertThat(loginPage.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(loginPage.body());
            assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
            return send(withCookies, HttpRequest.newBuilder(url("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                            "_csrf", csrf.group(1)))))
                    .build());
        }
    }

    /** {@code POST /oauth2/token}; a confidential client authenticates with HTTP Basic, a public one sends its id. */
    public HttpResponse<String> token(String clientId, String secret, Map<String, String> parameters) {
        Map<String, String> body = new LinkedHashMap<>(parameters);
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (secret == null) {
            body.put("client_id", clientId);
        } else {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return send(http, request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
    }

    public Tokens clientCredentials(String clientId, String secret) {
        return Tokens.of(token(clientId, secret, Map.of("grant_type", "client_credentials")));
    }

    /** {@code POST /actuator/signingkeys}: a new signing key now; answers the new key's kid. */
    public String rotateSigningKey() {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(url("/actuator/signingkeys"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as("rotation: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("kid").asString();
    }

    public HttpResponse<String> get(String path) {
        return send(http, HttpRequest.newBuilder(url(path)).GET().build());
    }

    public HttpResponse<String> get(String path, String bearerToken) {
        return send(http, HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + bearerToken).GET().build());
    }

    /** Verifies a JWT the way a resource server does: signature against the published JWK set, and expiry. */
    public Jwt verify(String token) {
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(baseUrl + "/oauth2/jwks").build();
        return decoder.decode(token);
    }

    private URI url(String path) {
        return URI.create(baseUrl + path);
    }

    /** Where a redirect points, resolved against the request. */
    public static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return response.uri().resolve(location);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
