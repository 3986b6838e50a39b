package dev.bookrental.auth.server;

import java.util.List;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import dev.bookrental.auth.AuthProperties;

/**
 * The OAuth clients of Bookrental's token contract. What each may do (grant types, PKCE, scopes,
 * token lifetimes) is fixed here; secrets and redirect URIs come from {@code bookrental.auth.clients}.
 * All are first party: nobody is asked for consent.
 *
 * <ul>
 *   <li>{@value #BFF_WEB}: the web BFF, confidential; authorization code with PKCE, refresh tokens.</li>
 *   <li>{@value #MOBILE}: mobile and CLI apps, public (no secret can be kept in an app); authorization
 *       code with PKCE and a loopback redirect (RFC 8252). Spring Authorization Server issues no refresh
 *       token to a public client, so an app signs in again when its access token expires.</li>
 *   <li>{@value #RENTAL_SERVICE}: the rental service calling others in its own name; client credentials,
 *       its tokens carry the role SERVICE.</li>
 * </ul>
 */
@Component
class FirstPartyClients {

    static final String BFF_WEB = "bff-web";
    static final String MOBILE = "bookrental-mobile";
    static final String RENTAL_SERVICE = "rental-service";

    private final AuthProperties properties;
    private final PasswordEncoder passwords;

    FirstPartyClients(AuthProperties properties, PasswordEncoder passwords) {
        this.properties = properties;
        this.passwords = passwords;
    }

    /**
     * Saves every client: created when missing, otherwise brought in line with this definition, so
     * a secret or redirect URI changed in the configuration takes effect at the next start.
     */
    void saveTo(RegisteredClientRepository repository) {
        for (RegisteredClient client : List.of(bffWeb(), mobile(), rentalService())) {
            RegisteredClient existing = repository.findByClientId(client.getClientId());
            repository.save(existing == null ? client
                    : RegisteredClient.from(client).id(existing.getId()).clientIdIssuedAt(existing.getClientIdIssuedAt()).build());
        }
    }

    private RegisteredClient bffWeb() {
        AuthProperties.Client settings = properties.client(BFF_WEB);
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(BFF_WEB)
                .clientName("Bookrental web")
                .clientSecret(passwords.encode(secretOf(BFF_WEB, settings)))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUrisOf(BFF_WEB, settings)))
                .postLogoutRedirectUris(uris -> uris.addAll(settings.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(firstPartyWithPkce())
                .tokenSettings(tokens())
                .build();
    }

    private RegisteredClient mobile() {
        AuthProperties.Client settings = properties.client(MOBILE);
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(MOBILE)
                .clientName("Bookrental mobile")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUrisOf(MOBILE, settings)))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(firstPartyWithPkce())
                .tokenSettings(tokens())
                .build();
    }

    private RegisteredClient rentalService() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(RENTAL_SERVICE)
                .clientName("Rental service")
                .clientSecret(passwords.encode(secretOf(RENTAL_SERVICE, properties.client(RENTAL_SERVICE))))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens())
                .build();
    }

    private static ClientSettings firstPartyWithPkce() {
        return ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build();
    }

    /** Short-lived access tokens; a refresh token is replaced at each use, so a second use fails. */
    private TokenSettings tokens() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build();
    }

    private static String secretOf(String clientId, AuthProperties.Client settings) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            throw new IllegalStateException("bookrental.auth.clients." + clientId + ".secret is not set");
        }
        return settings.secret();
    }

    private static List<String> redirectUrisOf(String clientId, AuthProperties.Client settings) {
        if (settings.redirectUris().isEmpty()) {
            throw new IllegalStateException("bookrental.auth.clients." + clientId + ".redirect-uris is not set");
        }
        return settings.redirectUris();
    }
}
