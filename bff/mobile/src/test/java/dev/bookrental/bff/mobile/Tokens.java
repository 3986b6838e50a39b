package dev.bookrental.bff.mobile;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as auth issues them (RS256, kid, iss, aud bookrental-api, roles), signed with a key
 * whose public half the stand-in auth publishes, and the forged and broken kinds a resource server
 * must refuse.
 */
public final class Tokens {

    private final RSAKey key = generate("auth-key-1");
    private final RSAKey strangerKey = generate("auth-key-1");
    private final String issuer;

    public Tokens(String issuer) {
        this.issuer = issuer;
    }

    /** The JWK set auth publishes at /oauth2/jwks: public keys only. */
    public String jwkSet() {
        return new JWKSet(key).toPublicJWKSet().toString();
    }

    /** The claims of a valid member's access token, to change for a test. */
    public JWTClaimsSet.Builder memberClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("member-1")
                .audience(List.of("bookrental-api"))
                .claim("roles", List.of("MEMBER"))
                .claim("preferred_username", "alice")
                .claim("client_id", "bookrental-mobile")
                .claim("scope", "openid profile")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    public String member() {
        return signed(UnaryOperator.identity());
    }

    /** Auth's key, RS256, with the member claims changed by {@code change}. */
    public String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(key, change.apply(memberClaims()).build());
    }

    /** The same claims signed by a key auth never published, under auth's key id. */
    public String signedByStranger() {
        return sign(strangerKey, memberClaims().build());
    }

    /** Unsigned ({@code alg: none}). */
    public String unsigned() {
        return new PlainJWT(memberClaims().build()).serialize();
    }

    /** HS256 with auth's public key as the shared secret: the classic algorithm-confusion forgery. */
    public String hs256WithThePublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    memberClaims().build());
            jwt.sign(new MACSigner(key.toPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
