package dev.bookrental.auth.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.auth.AuthProperties;
import dev.bookrental.auth.AuthServiceTest;
import dev.bookrental.auth.OAuthClient;

/**
 * Signing-key rotation against the running service: tokens signed before a rotation still verify
 * against the published JWK set, new tokens use the new key, and old keys are retired only once
 * every token they signed has expired.
 */
class SigningKeyRotationTests extends AuthServiceTest {

    private static final String RENTAL_SERVICE = "rental-service";

    @Autowired
    private SigningKeys keys;
    @Autowired
    private SigningKeyRepository repository;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private AuthProperties properties;

    private OAuthClient client;

    @BeforeEach
    void client() {
        client = new OAuthClient(baseUrl());
    }

    @Test
    void aTokenSignedBeforeARotationStillVerifiesAfterItAndNewTokensUseTheNewKey() throws Exception {
        String before = serviceToken();
        String oldKid = kid(before);
        assertThat(oldKid).isEqualTo(keys.currentKid());

        String newKid = client.rotateSigningKey();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(publishedKids()).as("the JWK set publishes the new and the previous key").contains(newKid, oldKid);
        Jwt old = client.verify(before);
        assertThat(old.getClaimAsStringList("roles")).containsExactly("SERVICE");
        String after = serviceToken();
        assertThat(kid(after)).isEqualTo(newKid);
        assertThat(client.verify(after).getSubject()).isEqualTo(RENTAL_SERVICE);
    }

    @Test
    void theJwkSetPublishesNoPrivateKey() throws Exception {
        JWKSet published = JWKSet.parse(client.get("/oauth2/jwks").body());

        assertThat(published.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(key.toRSAKey().size()).isEqualTo(2048);
        });
    }

    @Test
    void retiresAKeyOnlyOnceANewerKeyHasSignedForLongerThanTheGracePeriod() throws Exception {
        Duration grace = properties.signingKeys().gracePeriod();
        Instant now = Instant.now();
        SigningKey longReplaced = SigningKey.generate(now.minus(grace.multipliedBy(3)));
        SigningKey recentlyReplaced = SigningKey.generate(now.minus(grace.multipliedBy(2)));
        transactions.executeWithoutResult(status -> {
            repository.insert(longReplaced);
            repository.insert(recentlyReplaced);
        });
        keys.rotate(); // recentlyReplaced signed until just now

        keys.check();

        assertThat(publishedKids()).doesNotContain(longReplaced.kid()).contains(recentlyReplaced.kid());
        assertThat(keys.all()).filteredOn(key -> key.kid().equals(longReplaced.kid()))
                .extracting(SigningKey::state).containsExactly(SigningKey.State.RETIRED);
    }

    @Test
    void rotatesOnScheduleWhenTheNewestKeyIsOlderThanTheRotationPeriod() {
        String current = keys.currentKid();
        keys.check();
        assertThat(keys.currentKid()).as("not due yet").isEqualTo(current);

        SigningKeys withShortPeriod = new SigningKeys(repository, transactions, new AuthProperties(
                properties.accessTokenTtl(), properties.refreshTokenTtl(), new AuthProperties.KeyRotation(
                Duration.ofMillis(1), properties.signingKeys().gracePeriod(), properties.signingKeys().checkInterval()),
                null));
        withShortPeriod.check();

        assertThat(withShortPeriod.currentKid()).isNotEqualTo(current);
    }

    @Test
    void keysSurviveARestart() {
        String current = keys.rotate().kid();
        List<String> published = keys.all().stream().filter(key -> key.state() == SigningKey.State.ACTIVE)
                .map(SigningKey::kid).toList();

        SigningKeys afterRestart = new SigningKeys(repository, transactions, properties);
        afterRestart.afterPropertiesSet();

        assertThat(afterRestart.currentKid()).isEqualTo(current);
        assertThat(afterRestart.all().stream().filter(key -> key.state() == SigningKey.State.ACTIVE).map(SigningKey::kid))
                .containsExactlyElementsOf(published);
    }

    private String serviceToken() {
        return client.clientCredentials(RENTAL_SERVICE, properties.client(RENTAL_SERVICE).secret()).accessToken();
    }

    private List<String> publishedKids() throws Exception {
        return JWKSet.parse(client.get("/oauth2/jwks").body()).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
