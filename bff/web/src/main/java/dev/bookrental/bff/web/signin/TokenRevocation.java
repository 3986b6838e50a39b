package dev.bookrental.bff.web.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Token revocation at sign-out (RFC 7009): before the session ends, its refresh token and access
 * token are revoked at auth, so that a copy of them (a stolen session dump, a log) is useless from
 * now on: auth refuses to refresh, and refuses the access token where it is introspected. (The
 * resource servers check access tokens offline against auth's keys, so a revoked access token is
 * accepted there until it expires, 5 minutes at most: that is why access tokens are short-lived.)
 *
 * <p>Sign-out must work while auth is down: a revocation that fails or times out is logged, and the
 * session ends all the same.
 */
@Component
class TokenRevocation implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocation.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final RestClient http;

    TokenRevocation(OAuth2AuthorizedClientRepository authorizedClients, RestClient.Builder http,
            WebClientRegistration registration) {
        this.authorizedClients = authorizedClients;
        this.http = http.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(HttpClientSettings.defaults()
                        .withTimeouts(registration.revocationTimeout(), registration.revocationTimeout())))
                .build();
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken signedIn)) {
            return;
        }
        String registrationId = signedIn.getAuthorizedClientRegistrationId();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(registrationId, signedIn, request);
        if (client == null) {
            return;
        }
        authorizedClients.removeAuthorizedClient(registrationId, signedIn, request, response);
        // The refresh token first: it is the long-lived one, and revoking it ends auth's whole grant.
        revoke(client.getClientRegistration(), client.getRefreshToken(), "refresh_token");
        revoke(client.getClientRegistration(), client.getAccessToken(), "access_token");
    }

    private void revoke(ClientRegistration registration, AbstractOAuth2Token token, String tokenTypeHint) {
        if (token == null) {
            return;
        }
        Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("revocation_endpoint");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token.getTokenValue());
        form.add("token_type_hint", tokenTypeHint);
        try {
            http.post()
                    .uri(String.valueOf(endpoint))
                    // client_secret_basic: id and secret form-encoded, then Base64 (RFC 6749 section 2.3.1).
                    .headers(headers -> headers.setBasicAuth(formEncoded(registration.getClientId()),
                            formEncoded(registration.getClientSecret())))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("Could not revoke the {} at {} on sign-out (the session ends anyway): {}", tokenTypeHint, endpoint,
                    e.toString());
        }
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
