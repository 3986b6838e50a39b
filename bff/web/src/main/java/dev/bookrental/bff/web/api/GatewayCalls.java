package dev.bookrental.bff.web.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

import dev.bookrental.bff.web.signin.SignInClient;

/**
 * Calls to the API on the signed-in person's behalf (the token side of the backend for frontend):
 * each request of the {@code gateway} group gets the session's access token as a bearer token,
 * renewed first with the refresh token when it is about to expire. The browser never sees a token.
 * When a service answers that the token is invalid, the tokens are dropped from the session, so the
 * next call asks the person to sign in again. Someone not signed in calls without a token: the web
 * UI shows them the public catalog and ranking through the same clients.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = GatewayCalls.GROUP, types = GatewayApi.class)
public class GatewayCalls {

    /** The HTTP service group of the calls through the gateway (config: spring.http.serviceclient.gateway). */
    public static final String GROUP = "gateway";

    @Bean
    RestClientHttpServiceGroupConfigurer accessTokenOnGatewayCalls(OAuth2AuthorizedClientManager authorizedClientManager,
            OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2ClientHttpRequestInterceptor accessToken = new OAuth2ClientHttpRequestInterceptor(authorizedClientManager);
        // A stranger's calls (the public catalog and ranking) go without a token: there is none to send.
        accessToken.setClientRegistrationIdResolver(request -> signedIn() ? SignInClient.REGISTRATION_ID : null);
        accessToken.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return groups -> groups.filterByName(GROUP).forEachClient((group, client) -> client.requestInterceptor(accessToken));
    }

    private static boolean signedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken;
    }
}
