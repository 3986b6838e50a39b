package dev.bookrental.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * JWTs as an attacker (or a broken client) makes them, written byte by byte with the JDK so each
 * one is exactly what the test says: unsigned ({@code alg: none}), HS256 keyed with the public
 * key, RS256 with a key auth never had, or RS256 with auth's own key but a claim that is wrong.
 */
final class ForgedTokens {

    static final String AUDIENCE = "bookrental-api";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Claims of a valid member token for {@code subject}; tests change one of them. */
    static Map<String, Object> memberClaims(String subject) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Accounts.AUTH);
        claims.put("sub", subject);
        claims.put("aud", List.of(AUDIENCE));
        claims.put("roles", List.of("MEMBER"));
        claims.put("scope", "openid profile");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(300).getEpochSecond());
        return claims;
    }

    /** {@code alg: none}: no signature at all. */
    static String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT"), claims) + ".";
    }

    /** RS256 signed with {@code key}, announcing {@code kid}. */
    static String rs256(PrivateKey key, String kid, Map<String, Object> claims) {
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", kid), claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 signed with a fresh key that auth never published, under a {@code kid} auth did publish. */
    static String rs256WithForeignKey(String kid, Map<String, Object> claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return rs256(generator.generateKeyPair().getPrivate(), kid, claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HS256 with the issuer's public key as the HMAC secret: the algorithm-confusion attack on a
     * verifier that takes the algorithm from the token's header.
     */
    static String hs256(byte[] secret, String kid, Map<String, Object> claims) {
        String signingInput = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", kid), claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> header, Map<String, Object> claims) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(header)) + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
    }
}
