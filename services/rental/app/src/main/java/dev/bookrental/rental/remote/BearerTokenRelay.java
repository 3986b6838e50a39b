package dev.bookrental.rental.remote;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * Token relay: a call made on behalf of the signed-in member carries the member's own access token,
 * as the request to rental did, so the service called decides by the same identity and roles (and
 * checks the token itself). Spring Security relays a token for {@code WebClient}
 * ({@code ServletBearerExchangeFilterFunction}) but has nothing alike for {@code RestClient} yet
 * (spring-security issues 15820 and 17958), hence this interceptor. The token is the one of the
 * current request's thread: the HTTP interface clients are synchronous, on that same thread.
 */
final class BearerTokenRelay implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof AbstractOAuth2TokenAuthenticationToken<?> caller)) {
            // A bug, not a caller's mistake: only a request of a signed-in member may call on a member's behalf.
            throw new IllegalStateException("No access token to relay to " + request.getURI() + ": not called on behalf of a member");
        }
        request.getHeaders().setBearerAuth(caller.getToken().getTokenValue());
        return execution.execute(request, body);
    }
}
