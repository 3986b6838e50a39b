package dev.bookrental.bff.web.signin;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * bff-web as an OAuth 2.1 / OpenID Connect client of auth (backend for frontend): the registration
 * it signs people in with, where it keeps their tokens, and how it renews them.
 *
 * <p>The tokens live in the HTTP session, and so in Redis with the rest of the session. Spring
 * Security's default would keep them in an in-memory map keyed by the user's name: lost at a
 * restart, and unknown to a second bff-web instance that the same session cookie reaches.
 */
@Configuration(proxyBeanMethods = false)
public class SignInClient {

    /** The registration's id: it names the sign-in and callback URLs below. */
    public static final String REGISTRATION_ID = "bookrental";
    public static final String AUTHORIZATION_BASE_URI = "/bff/web/oauth2/authorization";
    /** Where the page sends a person to sign in: bff-web redirects on to auth's authorization endpoint. */
    public static final String SIGN_IN_URI = AUTHORIZATION_BASE_URI + "/" + REGISTRATION_ID;
    /** Where auth sends the browser back with the authorization code. */
    public static final String CALLBACK_BASE_URI = "/bff/web/login/oauth2/code";

    @Bean
    ClientRegistrationRepository clientRegistrations(AuthServer auth, WebClientRegistration client) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Bookrental")
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // PKCE (S256) although the client is confidential, as OAuth 2.1 asks and auth requires.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                // {baseUrl} is the URL the browser used, gateway or bff-web itself (forwarded headers).
                .redirectUri("{baseUrl}" + CALLBACK_BASE_URI + "/{registrationId}")
                .scope("openid", "profile")
                // The ID token's iss must be auth's issuer (checked at sign-in), its signature auth's key.
                .issuerUri(auth.issuer())
                .authorizationUri(auth.authorizationEndpoint())
                .tokenUri(auth.tokenEndpoint())
                .jwkSetUri(auth.jwkSetEndpoint())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                // What discovery would have told: read by sign-out (TokenRevocation, RP-initiated logout).
                .providerConfigurationMetadata(Map.of(
                        "revocation_endpoint", auth.revocationEndpoint(),
                        "end_session_endpoint", auth.endSessionEndpoint()))
                .build());
    }

    /** The signed-in person's tokens, kept in their HTTP session (Spring Session: Redis). */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /**
     * Hands out the session's access token for a call, first renewing it with the refresh token
     * when it expires within a minute; the renewed tokens go back into the session. A refresh that
     * auth refuses removes them, so the person signs in again.
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
