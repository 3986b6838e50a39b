package dev.bookrental.bff.web.book;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.bookrental.bff.web.signin.SignInClient;

/**
 * The signed-in person's access token, taken from their session on the request's own thread: the
 * session (request attributes) and the security context are thread-bound, and a composition makes
 * its calls on other threads. Taken once per answer, renewed first when about to expire, so calls
 * made in parallel never race to renew it (a rotated refresh token works once).
 */
@Component
class SessionAccessToken {

    private final OAuth2AuthorizedClientManager authorizedClients;

    SessionAccessToken(OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    /**
     * @return empty for a stranger, outside a request, or when the session holds no usable tokens
     *         any more (auth refused to renew them; they are dropped, and the person signs in again)
     */
    Optional<String> current() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (!(person instanceof OAuth2AuthenticationToken)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return Optional.empty();
        }
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(SignInClient.REGISTRATION_ID)
                .principal(person)
                .attribute(HttpServletRequest.class.getName(), request.getRequest())
                .attribute(HttpServletResponse.class.getName(), request.getResponse())
                .build();
        try {
            OAuth2AuthorizedClient client = authorizedClients.authorize(authorize);
            return Optional.ofNullable(client).map(tokens -> tokens.getAccessToken().getTokenValue());
        } catch (ClientAuthorizationException e) {
            return Optional.empty();
        }
    }
}
