package dev.bookrental.bff.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for auth (token endpoint with PKCE and refresh-token rotation,
 * JWK set, revocation) and for the gateway's API, as far as bff-web uses them. It checks what auth
 * would check (client_secret_basic, the code, the redirect URI, the PKCE verifier, the current
 * refresh token) and records what it received, so tests can assert on the real requests.
 */
public final class StandInAuthAndGateway implements AutoCloseable {

    public static final String CLIENT_ID = "bff-web";
    public static final String MEMBER_ID = "member-1";
    /** The rental id of the one loan on the member's card. */
    public static final String LOAN = "5f0c2b9e-8d7a-4c1b-9a55-0e6f1d2c3b4a";
    private static final String DUNE_MESSIAH = "{\"id\":2,\"isbn\":\"9780399128998\",\"title\":\"Dune Messiah\","
            + "\"authors\":[\"Frank Herbert\"]}";
    private static final String DUNE = "{\"id\":1,\"isbn\":\"9780441013593\",\"title\":\"Dune\",\"authors\":[\"Frank Herbert\"],"
            + "\"publisher\":\"Ace\",\"publishedYear\":1965}";

    /** A request to the token, revocation or API endpoints: its form (or path) and Authorization header. */
    public record Received(String path, Map<String, String> form, String authorization) {
    }

    private record Grant(String codeChallenge, String nonce, String redirectUri) {
    }

    private final HttpServer server;
    private final RSAKey signingKey;
    private final String clientSecret;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger tokenGeneration = new AtomicInteger();
    private final List<Received> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<Received> revocations = new CopyOnWriteArrayList<>();
    private final List<Received> apiCalls = new CopyOnWriteArrayList<>();
    private final Set<String> refusedAccessTokens = ConcurrentHashMap.newKeySet();
    private volatile String currentRefreshToken;
    private volatile Duration firstAccessTokenLifetime = Duration.ofMinutes(5);
    private volatile boolean revocationDown;
    private volatile boolean gatewayDown;

    public StandInAuthAndGateway(String clientSecret) {
        this.clientSecret = clientSecret;
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("auth-key-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/oauth2/jwks", exchange -> respond(exchange, 200, new JWKSet(signingKey).toPublicJWKSet().toString()));
        server.createContext("/oauth2/token", this::token);
        server.createContext("/oauth2/revoke", this::revoke);
        server.createContext("/api/", this::api);
        server.createContext("/auth/register", this::register);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * What happens at auth when the person signs in there: an authorization code bound to the
     * authorization request's PKCE challenge, nonce and redirect URI.
     */
    public String approve(String codeChallenge, String nonce, String redirectUri) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(codeChallenge, nonce, redirectUri));
        return code;
    }

    /** The access token of the next sign-in lives this long (under a minute: bff-web refreshes it at once). */
    public void firstAccessTokenLifetime(Duration lifetime) {
        this.firstAccessTokenLifetime = lifetime;
    }

    /** The gateway answers 401 invalid_token for this access token. */
    public void refuse(String accessToken) {
        refusedAccessTokens.add(accessToken);
    }

    /** Revocation requests get no answer: the connection is dropped, as by a dying server. */
    public void revocationDown(boolean down) {
        this.revocationDown = down;
    }

    /** API requests get no answer: the connection is dropped, as by a gateway that is gone. */
    public void gatewayDown(boolean down) {
        this.gatewayDown = down;
    }

    public List<Received> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public List<Received> revocations() {
        return List.copyOf(revocations);
    }

    public List<Received> apiCalls() {
        return List.copyOf(apiCalls);
    }

    /** The client_secret_basic header auth expects from bff-web. */
    public String clientAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    public void reset() {
        codes.clear();
        tokenRequests.clear();
        revocations.clear();
        apiCalls.clear();
        refusedAccessTokens.clear();
        currentRefreshToken = null;
        tokenGeneration.set(0);
        firstAccessTokenLifetime = Duration.ofMinutes(5);
        revocationDown = false;
        gatewayDown = false;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        tokenRequests.add(new Received(exchange.getRequestURI().getPath(), form, authorization));
        if (!clientAuthorization().equals(authorization)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant grant = codes.remove(form.getOrDefault("code", ""));
                if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                        || !grant.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                    respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
                    return;
                }
                respond(exchange, 200, tokens(firstAccessTokenLifetime, idToken(grant.nonce())));
            }
            case "refresh_token" -> {
                // Rotation: each refresh token works once.
                if (currentRefreshToken == null || !currentRefreshToken.equals(form.get("refresh_token"))) {
                    respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
                    return;
                }
                respond(exchange, 200, tokens(Duration.ofMinutes(5), null));
            }
            default -> respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private String tokens(Duration accessTokenLifetime, String idToken) {
        int generation = tokenGeneration.incrementAndGet();
        currentRefreshToken = "refresh-" + generation;
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", "access-" + generation);
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", accessTokenLifetime.toSeconds());
        tokens.put("refresh_token", currentRefreshToken);
        tokens.put("scope", "openid profile");
        if (idToken != null) {
            tokens.put("id_token", idToken);
        }
        StringBuilder json = new StringBuilder("{");
        tokens.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
                .append(value instanceof String text ? '"' + text + '"' : value));
        return json.append('}').toString();
    }

    private String idToken(String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(url())
                .subject(MEMBER_ID)
                .audience(CLIENT_ID)
                .claim("azp", CLIENT_ID)
                .claim("nonce", nonce)
                .claim("preferred_username", "alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (revocationDown) {
            exchange.close();
            return;
        }
        revocations.add(new Received(exchange.getRequestURI().getPath(), form, exchange.getRequestHeaders().getFirst("Authorization")));
        respond(exchange, 200, "{}");
    }

    /** Auth's registration: "taken" is a username someone has; shorter than 3 characters is refused as auth's rules do. */
    private void register(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        if (body.contains("\"username\":\"taken\"")) {
            respondAs(exchange, 409, "{\"type\":\"urn:bookrental:problem:username-taken\",\"title\":\"Username taken\","
                    + "\"status\":409,\"detail\":\"Someone has the username 'taken' already.\"}");
        } else if (body.matches(".*\"username\":\"[a-z]{0,2}\".*")) {
            respondAs(exchange, 400, "{\"type\":\"urn:bookrental:problem:invalid-request\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"'username' must be 3 to 32 characters\",\"errors\":[{\"name\":\"username\","
                    + "\"message\":\"must be 3 to 32 characters of a-z, 0-9, '.', '_' and '-'\"}]}");
        } else {
            respond(exchange, 201, "{\"id\":\"" + UUID.randomUUID() + "\"}");
        }
    }

    /** The gateway's API as the page uses it. */
    private void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        apiCalls.add(new Received(path, Map.of("body", body), authorization));
        String method = exchange.getRequestMethod();
        if (gatewayDown) {
            exchange.close();
            return;
        }
        if (method.equals("GET") && publicRead(exchange, path)) {
            return;
        }
        if (authorization == null || refusedAccessTokens.contains(authorization.substring("Bearer ".length()))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            respond(exchange, 401, "");
            return;
        }
        if (method.equals("GET") && path.equals("/api/members/me")) {
            respond(exchange, 200, "{\"id\":\"" + MEMBER_ID + "\",\"username\":\"alice\",\"displayName\":\"Alice\",\"points\":100}");
        } else if (method.equals("POST") && path.equals("/api/members/me/points") && body.contains("100000")) {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            respondAs(exchange, 422, "{\"type\":\"urn:bookrental:problem:balance-limit-exceeded\",\"title\":\"Balance limit exceeded\","
                    + "\"status\":422,\"detail\":\"A balance may not exceed 10000 points.\"}");
        } else if (method.equals("POST") && path.equals("/api/members/me/points")) {
            respond(exchange, 200, "{\"memberId\":\"" + MEMBER_ID + "\",\"points\":150}");
        } else if (method.equals("GET") && path.equals("/api/rental-card")) {
            respond(exchange, 200, "{\"memberId\":\"" + MEMBER_ID + "\",\"status\":\"ACTIVE\",\"loans\":[{\"rentalId\":\"" + LOAN
                    + "\",\"bookId\":1,\"copyId\":8,\"dueAt\":\"2026-12-10T14:05:00Z\",\"overdue\":false}],\"pending\":[],"
                    + "\"outstandingFees\":0,\"loansLeft\":4}");
        } else if (method.equals("POST") && path.equals("/api/rentals") && body.contains("999")) {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            respondAs(exchange, 409, "{\"type\":\"urn:bookrental:problem:rent-not-allowed\",\"title\":\"Rent not allowed\",\"status\":409}");
        } else if (method.equals("POST") && path.equals("/api/rentals")) {
            String rentalId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("Location", "/api/rentals/" + rentalId);
            respond(exchange, 202, "{\"rentalId\":\"" + rentalId + "\",\"bookId\":1,\"status\":\"PENDING\"}");
        } else if (method.equals("POST") && path.startsWith("/api/rentals/") && path.endsWith("/return")) {
            respond(exchange, 200, "{\"rentalId\":\"" + LOAN + "\",\"bookId\":1,\"status\":\"RETURNED\"}");
        } else if (method.equals("GET") && path.startsWith("/api/rentals/")) {
            respond(exchange, 200, "{\"rentalId\":\"" + path.substring("/api/rentals/".length())
                    + "\",\"bookId\":1,\"status\":\"PENDING\"}");
        } else if (method.equals("GET") && path.equals("/api/rental-card/eligibility")) {
            respond(exchange, 200, "{\"bookId\":1,\"title\":\"Dune\",\"eligible\":true,\"reasons\":[]}");
        } else if (method.equals("POST") && path.equals("/api/books")) {
            respond(exchange, 201, DUNE_MESSIAH);
        } else {
            respond(exchange, 404, "{\"status\":404}");
        }
    }

    /**
     * The public reads (no token needed, as at the gateway): a catalog with Dune (one copy of two
     * on the shelf, ranked first) and Dune Messiah (never rented; book fails to answer its copies).
     * False when the path is not one of them.
     */
    private boolean publicRead(HttpExchange exchange, String path) throws IOException {
        switch (path) {
            case "/api/books" -> respond(exchange, 200, "{\"content\":[" + DUNE + "],\"page\":0,\"size\":10,"
                    + "\"totalElements\":1,\"totalPages\":1}");
            case "/api/books/1" -> respond(exchange, 200, DUNE);
            case "/api/books/1/copies" -> respond(exchange, 200, "[{\"id\":7,\"bookId\":1,\"status\":\"AVAILABLE\"},"
                    + "{\"id\":8,\"bookId\":1,\"status\":\"RENTED\"}]");
            case "/api/best-books" -> respond(exchange, 200, "[{\"rank\":1,\"bookId\":1,\"title\":\"Dune\",\"rentals\":3}]");
            case "/api/best-books/1" -> respond(exchange, 200, "{\"bookId\":1,\"rank\":1,\"rentals\":3}");
            case "/api/best-books/2" -> respond(exchange, 200, "{\"bookId\":2,\"rank\":null,\"rentals\":0}");
            case "/api/books/2" -> respond(exchange, 200, DUNE_MESSIAH);
            case "/api/books/2/copies" -> {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                respondAs(exchange, 503, "{\"type\":\"urn:bookrental:problem:service-unavailable\",\"status\":503}");
            }
            default -> {
                if (!path.startsWith("/api/books/")) {
                    return false;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                respondAs(exchange, 404, "{\"type\":\"urn:bookrental:problem:book-not-found\",\"title\":\"Book not found\","
                        + "\"status\":404,\"detail\":\"No book has the id 404.\"}");
            }
        }
        return true;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        respondAs(exchange, status, json);
    }

    private static void respondAs(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            out.write(bytes);
        }
    }
}
