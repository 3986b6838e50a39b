package dev.bookrental.auth.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * An RSA key pair that signs tokens (RS256), named by its {@code kid}.
 *
 * @param createdAt when it was added; the newest active key is the one that signs
 * @param state     ACTIVE keys are published in the JWK set; RETIRED ones no longer are
 */
public record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt, State state) {

    /** RSA modulus size; 2048 bits is the floor of RS256 and enough until the 2030s (NIST SP 800-57). */
    static final int KEY_SIZE = 2048;

    public enum State { ACTIVE, RETIRED }

    /** A new active key with a random kid. */
    static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(UUID.randomUUID().toString(), (RSAPublicKey) pair.getPublic(),
                    (RSAPrivateKey) pair.getPrivate(), now, State.ACTIVE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }

    /** The key as a JWK with its private part; the JWK set endpoint publishes only the public part. */
    RSAKey jwk() {
        return new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .issueTime(Date.from(createdAt))
                .build();
    }
}
