package dev.bookrental.auth.key;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.auth.AuthProperties;

/**
 * Signing-key rotation without rejecting tokens signed by the previous key. The keys live in auth's
 * database, so tokens stay valid across restarts and every instance signs with the same keys.
 * <ul>
 *   <li>The newest active key signs (its {@code kid} is in every token header).</li>
 *   <li>The JWK set ({@code /oauth2/jwks}) publishes every active key: the current one and the
 *       previous ones, so a token signed before a rotation verifies until it expires. A resource
 *       server that meets an unknown {@code kid} fetches the JWK set again.</li>
 *   <li>A rotation adds a new key; a key is retired (no longer published) once a newer key has
 *       signed for longer than the grace period, which outlasts every access token it signed.</li>
 * </ul>
 * Rotation happens on schedule ({@code rotation-period}) and on demand ({@link #rotate()}, the
 * actuator endpoint {@code signingkeys}). Each instance re-reads the keys at every check.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext>, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final AuthProperties.KeyRotation rotation;
    private final Clock clock = Clock.systemUTC();
    private volatile JWKSet published = new JWKSet();

    SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, AuthProperties properties) {
        this.repository = repository;
        this.transactions = transactions;
        this.rotation = properties.signingKeys();
    }

    /** At start: the first key ever, or a due rotation, before any token is signed. */
    @Override
    public void afterPropertiesSet() {
        check();
    }

    /** Adds a new key, which signs from now on; the previous keys stay published for the grace period. */
    public SigningKey rotate() {
        SigningKey added = transactions.execute(status -> {
            repository.lockForRotation();
            return addKey(clock.instant());
        });
        reload();
        return added;
    }

    /** Rotates when the newest key is older than the rotation period, retires keys past their grace, re-reads the keys. */
    public void check() {
        transactions.executeWithoutResult(status -> {
            repository.lockForRotation();
            Instant now = clock.instant();
            List<SigningKey> active = repository.findActive();
            if (active.isEmpty() || active.getFirst().createdAt().plus(rotation.rotationPeriod()).isBefore(now)) {
                addKey(now);
            }
            int retired = repository.retireSupersededBefore(now.minus(rotation.gracePeriod()), now);
            if (retired > 0) {
                log.info("Retired {} signing key(s) replaced more than {} ago", retired, rotation.gracePeriod());
            }
        });
        reload();
    }

    /** Every key, newest first, retired ones included. */
    public List<SigningKey> all() {
        return repository.findAll();
    }

    /** The kid of the key that signs now. */
    public String currentKid() {
        return newest(published.getKeys()).getKeyID();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(published);
    }

    /** Of several keys that could sign, the newest one. */
    static JWK newest(List<JWK> keys) {
        return keys.stream().max(Comparator.comparing(JWK::getIssueTime))
                .orElseThrow(() -> new IllegalStateException("No signing key"));
    }

    private SigningKey addKey(Instant now) {
        SigningKey key = SigningKey.generate(now);
        repository.insert(key);
        log.info("Added signing key {}; it signs from now on", key.kid());
        return key;
    }

    private void reload() {
        published = new JWKSet(repository.findActive().stream().<JWK>map(SigningKey::jwk).toList());
    }
}
