package dev.bookrental.platform.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the auth service in a resource server's tests: it signs real access tokens (RS256,
 * {@code kid} in the header, the claims of the token contract) with an RSA key made for the test run,
 * and serves the public key as a JWK set at {@code <issuer>/oauth2/jwks} on a loopback port, so the
 * service under test checks them with its production decoder and validators. Its {@link #forgeries}
 * are the tokens a resource server must refuse.
 * <pre>{@code
 * static final TestTokenIssuer issuer = TestTokenIssuer.start();
 *
 * @DynamicPropertySource
 * static void issuer(DynamicPropertyRegistry registry) {
 *     registry.add("bookrental.security.issuer", issuer::issuer);
 * }
 * }</pre>
 */
public final class TestTokenIssuer implements AutoCloseable {

    /** The audience every Bookrental resource server requires. */
    public static final String AUDIENCE = "bookrental-api";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final RSAKey key;
    private final HttpServer server;

    private TestTokenIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    /** Makes a key and serves its JWK set on a free loopback port until {@link #close()}. */
    public static TestTokenIssuer start() {
        try {
            RSAKey key = rsaKey(UUID.randomUUID().toString());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestTokenIssuer(key, server);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the test JWK set", e);
        }
    }

    /** The issuer ({@code iss}) of its tokens; the JWK set is at {@code issuer() + "/oauth2/jwks"}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A valid access token of an account: subject, roles (e.g. {@code "MEMBER"}), 5 minutes left. */
    public String token(String subject, String... roles) {
        return signed(claims(subject, roles).build());
    }

    /**
     * Tokens a resource server must answer with 401, by what is wrong with them; each is otherwise a
     * valid token of {@code subject} with {@code roles}.
     */
    public Map<String, String> forgeries(String subject, String... roles) {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", signed(claims(subject, roles)
                // Beyond the 60 s clock skew the validators allow.
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))).build()));
        tokens.put("wrong issuer", signed(claims(subject, roles).issuer("http://127.0.0.1:1").build()));
        tokens.put("wrong audience", signed(claims(subject, roles).audience("another-api").build()));
        tokens.put("no audience", signed(claims(subject, roles).audience(List.of()).build()));
        // Another key pair under the same kid: the signature cannot match the published key.
        tokens.put("bad signature", signed(claims(subject, roles).build(), rsaKey(key.getKeyID())));
        tokens.put("alg none", new PlainJWT(claims(subject, roles).build()).serialize());
        tokens.put("HS256 signed with the public key", hmacWithPublicKey(claims(subject, roles).build()));
        return tokens;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", List.of(roles))
                .claim("scope", "openid profile")
                .claim("client_id", "test-client");
    }

    private String signed(JWTClaimsSet claims) {
        return signed(claims, key);
    }

    private String signed(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            return sign(new RSASSASigner(signingKey), JWSAlgorithm.RS256, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm-confusion attack: an HMAC "signed" with the public key, which anyone has. */
    private String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            return sign(new MACSigner(key.toRSAPublicKey().getEncoded()), JWSAlgorithm.HS256, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with {@code signer}; the header names the issuer's key, as the auth service's tokens do. */
    private String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
