package dev.bookrental.systemtests;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

/**
 * Auth's current signing key, read from auth's own database (table {@code signing_key}) with auth's
 * local login. With it a test signs exactly the token it needs — one that is valid in every respect
 * but the one under test (expired, another issuer, another audience), or one for a subject no
 * account has — so a rejection proves that one check, not a bad signature.
 */
final class AuthKeys {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/auth";

    private AuthKeys() {
    }

    record SigningKey(String kid, PrivateKey privateKey, byte[] publicKeyDer) {
    }

    /** The newest active key: the one auth signs with now. */
    static SigningKey current() {
        try (Connection auth = DriverManager.getConnection(URL, "auth", "auth");
             ResultSet row = auth.createStatement().executeQuery(
                     "SELECT kid, private_key, public_key FROM signing_key WHERE state = 'ACTIVE' ORDER BY created_at DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("auth has no active signing key yet");
            }
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row.getString("private_key"))));
            return new SigningKey(row.getString("kid"), privateKey, Base64.getDecoder().decode(row.getString("public_key")));
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code claims} signed RS256 with auth's current key, as auth would sign them. */
    static String sign(Map<String, Object> claims) {
        SigningKey key = current();
        return ForgedTokens.rs256(key.privateKey(), key.kid(), claims);
    }

    /** The {@code Authorization} header for {@code token}, as name and value. */
    static String[] authorization(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
