package dev.bookrental.launcher.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth service's endpoints as {@link AuthClient} meets them, on the JDK's own HTTP server: the
 * authorization endpoint sends a browser without a session to the login page and remembers the
 * request in the session; the login form checks its CSRF token and the password, then sends the
 * browser back to that request; the token endpoint redeems a code only for the PKCE verifier whose
 * S256 hash is the challenge the authorization request carried, and only once. Every request is
 * recorded, so a test sees the steps as auth saw them.
 */
final class StandInAuth implements AutoCloseable {

    static final String MOBILE = "bookrental-mobile";
    static final String MOBILE_REDIRECT = "http://127.0.0.1:8765/callback";
    /** A confidential client with code flow and refresh tokens, like bff-web. */
    static final String WEB = "web-app";
    static final String WEB_SECRET = "web secret:1";
    static final String WEB_REDIRECT = "http://localhost:8081/callback";
    static final String SERVICE = "rental-service";
    static final String SERVICE_SECRET = "service-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Seen(String method, String path, Map<String, String> parameters) {
    }

    private record Account(String id, String password, String displayName) {
    }

    private record Grant(String clientId, String redirectUri, String challenge, String accountId) {
    }

    /** A browser session: the CSRF token of its login form, the request to go back to, who signed in. */
    private static final class Session {
        final String csrf = UUID.randomUUID().toString();
        volatile String savedRequest;
        volatile String accountId;
    }

    private final HttpServer server;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    /** The PKCE verifiers of the codes redeemed, once their S256 hash matched the challenge. */
    private final Queue<String> verifiedVerifiers = new ConcurrentLinkedQueue<>();
    private volatile boolean answerWithAnotherState;

    private StandInAuth() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static StandInAuth start() {
        try {
            return new StandInAuth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where to reach it: by name, as {@link AuthClient#LOCAL} is (the cookie jar has its rules for "localhost"). */
    URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    String accountId(String username) {
        return accounts.get(username).id();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    List<String> verifiedVerifiers() {
        return List.copyOf(verifiedVerifiers);
    }

    /** From now on the redirect to the client carries a state other than the one sent (as a forged answer would). */
    void answerWithAnotherState() {
        answerWithAnotherState = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            boolean isForm = exchange.getRequestHeaders().getOrDefault("Content-Type", List.of()).contains("application/x-www-form-urlencoded");
            Map<String, String> parameters = decode(isForm ? body : exchange.getRequestURI().getRawQuery());
            seen.add(new Seen(method, path, parameters));
            switch (method + " " + path) {
                case "POST /auth/register" -> register(exchange, JSON.readTree(body));
                case "GET /oauth2/authorize" -> authorize(exchange, parameters);
                case "GET /login" -> loginPage(exchange);
                case "POST /login" -> logIn(exchange, parameters);
                case "POST /oauth2/token" -> token(exchange, parameters);
                default -> answer(exchange, 404, "text/plain", "no such endpoint");
            }
        }
    }

    private void register(HttpExchange exchange, JsonNode request) throws IOException {
        String username = request.get("username").asString();
        if (request.get("password").asString().length() < 12) {
            answer(exchange, 400, "application/problem+json", "{\"type\":\"urn:bookrental:problem:invalid-body\",\"status\":400,"
                    + "\"errors\":[{\"field\":\"password\"}]}");
            return;
        }
        Account account = new Account(UUID.randomUUID().toString(), request.get("password").asString(), request.get("displayName").asString());
        if (accounts.putIfAbsent(username, account) != null) {
            answer(exchange, 409, "application/problem+json", "{\"type\":\"urn:bookrental:problem:username-taken\",\"status\":409}");
            return;
        }
        answer(exchange, 201, "application/json", JSON.createObjectNode().put("id", account.id()).put("username", username)
                .put("displayName", account.displayName()).toString());
    }

    private void authorize(HttpExchange exchange, Map<String, String> request) throws IOException {
        String redirectUri = request.get("redirect_uri");
        boolean knownClient = MOBILE.equals(request.get("client_id")) && MOBILE_REDIRECT.equals(redirectUri)
                || WEB.equals(request.get("client_id")) && WEB_REDIRECT.equals(redirectUri);
        if (!knownClient) {
            answer(exchange, 400, "text/html", "<p>invalid_request: client_id or redirect_uri</p>");
            return;
        }
        if (!"code".equals(request.get("response_type")) || !"S256".equals(request.get("code_challenge_method"))
                || request.get("code_challenge") == null || !"openid profile".equals(request.get("scope"))) {
            redirect(exchange, redirectUri + "?error=invalid_request&state=" + encode(request.get("state")));
            return;
        }
        Session session = session(exchange).orElse(null);
        if (session == null || session.accountId == null) {
            if (session == null) {
                session = newSession(exchange);
            }
            // Spring Security's request cache keeps no request that accepts JSON: after the login the
            // browser would land on "/" instead of coming back here.
            boolean acceptsJson = exchange.getRequestHeaders().getOrDefault("Accept", List.of()).stream()
                    .anyMatch(accept -> accept.contains("application/json"));
            session.savedRequest = acceptsJson ? null : uri() + exchange.getRequestURI().toString() + "&continue";
            redirect(exchange, uri() + "/login");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(request.get("client_id"), redirectUri, request.get("code_challenge"), session.accountId));
        String state = answerWithAnotherState ? "forged" : request.get("state");
        redirect(exchange, redirectUri + "?code=" + code + "&state=" + encode(state));
    }

    private void loginPage(HttpExchange exchange) throws IOException {
        Session session = session(exchange).orElseGet(() -> newSession(exchange));
        answer(exchange, 200, "text/html", """
                <form method="post" action="/login">
                  <input name="username"><input name="password" type="password">
                  <input type="hidden" name="_csrf" value="%s">
                </form>""".formatted(session.csrf));
    }

    private void logIn(HttpExchange exchange, Map<String, String> form) throws IOException {
        Optional<Session> session = session(exchange);
        if (session.isEmpty() || !session.get().csrf.equals(form.get("_csrf"))) {
            answer(exchange, 403, "text/plain", "CSRF token missing or wrong");
            return;
        }
        Account account = accounts.get(form.get("username"));
        if (account == null || !account.password().equals(form.get("password"))) {
            redirect(exchange, uri() + "/login?error");
            return;
        }
        session.get().accountId = account.id();
        redirect(exchange, session.get().savedRequest != null ? session.get().savedRequest : uri() + "/");
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        String client = authenticatedClient(exchange, form);
        if (client == null) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant grant = codes.remove(form.getOrDefault("code", ""));
                String verifier = form.get("code_verifier");
                if (grant == null || !grant.clientId().equals(client) || !grant.redirectUri().equals(form.get("redirect_uri"))
                        || verifier == null || !s256(verifier).equals(grant.challenge())) {
                    answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                verifiedVerifiers.add(verifier);
                tokens(exchange, grant.accountId(), client.equals(WEB));
            }
            case "refresh_token" -> {
                String accountId = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (accountId == null) {
                    answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                tokens(exchange, accountId, true);
            }
            case "client_credentials" -> tokens(exchange, client, false);
            default -> answer(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    /** The client: a confidential one by HTTP Basic (form-encoded id and secret), the public one by client_id. */
    private static String authenticatedClient(HttpExchange exchange, Map<String, String> form) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return MOBILE.equals(form.get("client_id")) ? MOBILE : null;
        }
        String[] credentials = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8)
                .split(":", 2);
        String id = URLDecoder.decode(credentials[0], StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(credentials[1], StandardCharsets.UTF_8);
        return WEB.equals(id) && WEB_SECRET.equals(secret) || SERVICE.equals(id) && SERVICE_SECRET.equals(secret) ? id : null;
    }

    private void tokens(HttpExchange exchange, String subject, boolean withRefreshToken) throws IOException {
        var tokens = JSON.createObjectNode().put("access_token", "access-" + subject + "-" + UUID.randomUUID())
                .put("token_type", "Bearer").put("expires_in", 299);
        if (withRefreshToken) {
            String refreshToken = UUID.randomUUID().toString();
            refreshTokens.put(refreshToken, subject);
            tokens.put("refresh_token", refreshToken);
        }
        answer(exchange, 200, "application/json", tokens.toString());
    }

    private Optional<Session> session(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(header -> List.of(header.split(";\\s*")).stream())
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> sessions.get(cookie.substring("JSESSIONID=".length())))
                .filter(session -> session != null)
                .findFirst();
    }

    private Session newSession(HttpExchange exchange) {
        String id = UUID.randomUUID().toString();
        Session session = new Session();
        sessions.put(id, session);
        exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + id + "; Path=/; HttpOnly");
        return session;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** RFC 7636's S256, computed here independently of the client's. */
    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
