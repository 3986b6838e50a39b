package dev.bookrental.auth.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The signing keys in auth's database: the public key as X.509 and the private key as PKCS#8, both
 * DER in base64. Locally the private keys sit in the database; production keeps them in a KMS or
 * Vault (docs/patterns/central-authentication.md).
 */
@Repository
class SigningKeyRepository {

    private static final String COLUMNS = "kid, public_key, private_key, created_at, state";

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes rotations of all instances until the end of the transaction; reads go on. */
    void lockForRotation() {
        jdbc.sql("LOCK TABLE signing_key IN EXCLUSIVE MODE").update();
    }

    void insert(SigningKey key) {
        jdbc.sql("""
                        INSERT INTO signing_key (kid, public_key, private_key, created_at, state)
                        VALUES (:kid, :publicKey, :privateKey, :createdAt, :state)
                        """)
                .param("kid", key.kid())
                .param("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()))
                .param("privateKey", Base64.getEncoder().encodeToString(key.privateKey().getEncoded()))
                .param("createdAt", Timestamp.from(key.createdAt()))
                .param("state", key.state().name())
                .update();
    }

    /** The active keys, newest first. */
    List<SigningKey> findActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE state = 'ACTIVE' ORDER BY created_at DESC, kid")
                .query(SigningKeyRepository::signingKey)
                .list();
    }

    /** Every key, newest first. */
    List<SigningKey> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key ORDER BY created_at DESC, kid")
                .query(SigningKeyRepository::signingKey)
                .list();
    }

    /**
     * Retires every active key that a newer key replaced before {@code supersededBefore}: the newer
     * key has signed since then, so every token of the older one has expired.
     *
     * @return the number of keys retired
     */
    int retireSupersededBefore(Instant supersededBefore, Instant now) {
        return jdbc.sql("""
                        UPDATE signing_key old SET state = 'RETIRED', retired_at = :now
                        WHERE old.state = 'ACTIVE'
                          AND EXISTS (SELECT 1 FROM signing_key newer
                                      WHERE newer.created_at > old.created_at AND newer.created_at < :supersededBefore)
                        """)
                .param("supersededBefore", Timestamp.from(supersededBefore))
                .param("now", Timestamp.from(now))
                .update();
    }

    private static SigningKey signingKey(ResultSet rs, int row) throws SQLException {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString("public_key"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString("private_key"))));
            return new SigningKey(rs.getString("kid"), publicKey, privateKey, rs.getTimestamp("created_at").toInstant(),
                    SigningKey.State.valueOf(rs.getString("state")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + rs.getString("kid") + " cannot be read", e);
        }
    }
}
