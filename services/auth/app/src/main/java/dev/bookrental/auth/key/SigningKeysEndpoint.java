package dev.bookrental.auth.key;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Actuator endpoint {@code signingkeys}: {@code GET /actuator/signingkeys} lists the keys (never a
 * private part); {@code POST /actuator/signingkeys} rotates now, so a test or an operator need not
 * wait for the schedule. Like every actuator endpoint, a deployment exposes it only to operators.
 */
@Component
@Endpoint(id = "signingkeys")
public class SigningKeysEndpoint {

    private final SigningKeys keys;

    public SigningKeysEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @ReadOperation
    public List<KeyInfo> keys() {
        String current = keys.currentKid();
        return keys.all().stream().map(key -> KeyInfo.of(key, current)).toList();
    }

    @WriteOperation
    public KeyInfo rotate() {
        SigningKey added = keys.rotate();
        return KeyInfo.of(added, added.kid());
    }

    /**
     * @param signing whether this key signs new tokens now
     */
    public record KeyInfo(String kid, Instant createdAt, SigningKey.State state, boolean signing) {

        static KeyInfo of(SigningKey key, String currentKid) {
            return new KeyInfo(key.kid(), key.createdAt(), key.state(), key.kid().equals(currentKid));
        }
    }
}
