package dev.bookrental.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auth service, under {@code bookrental.auth} (config/auth.yml).
 *
 * @param accessTokenTtl  lifetime of an access token: short, because a resource server accepts it
 *                        without asking auth until it expires
 * @param refreshTokenTtl lifetime of a refresh token; each use replaces it by a new one
 * @param signingKeys     rotation of the keys that sign tokens
 * @param clients         per OAuth client id, what differs between deployments (secrets, redirect URIs);
 *                        what a client may do is fixed in code (FirstPartyClients)
 */
@ConfigurationProperties("bookrental.auth")
public record AuthProperties(@DefaultValue("5m") Duration accessTokenTtl, @DefaultValue("8h") Duration refreshTokenTtl,
        @DefaultValue KeyRotation signingKeys, Map<String, Client> clients) {

    public AuthProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        // A retired key is no longer published, so every token it signed must have expired by then,
        // and every instance must have noticed the newer key (each re-reads the keys at every check).
        Duration needed = accessTokenTtl.plus(signingKeys.checkInterval());
        if (signingKeys.gracePeriod().compareTo(needed) <= 0) {
            throw new IllegalArgumentException("bookrental.auth.signing-keys.grace-period (" + signingKeys.gracePeriod()
                    + ") must be longer than access-token-ttl + signing-keys.check-interval (" + needed + ")");
        }
    }

    /** The settings of one client; an absent client has none. */
    public Client client(String clientId) {
        return clients.getOrDefault(clientId, new Client(null, List.of(), List.of()));
    }

    /**
     * @param rotationPeriod how long the newest key signs before a new one is added
     * @param gracePeriod    how long a key stays published after a newer one took over signing
     * @param checkInterval  how often each instance checks whether to rotate or retire, and re-reads the keys
     */
    public record KeyRotation(@DefaultValue("30d") Duration rotationPeriod, @DefaultValue("15m") Duration gracePeriod,
            @DefaultValue("1m") Duration checkInterval) {
    }

    /**
     * @param secret                 the client secret (confidential clients only); stored hashed
     * @param redirectUris           where auth may send the authorization code
     * @param postLogoutRedirectUris where auth may send the browser after an OIDC logout
     */
    public record Client(String secret, @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris) {

        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }
    }
}
