package dev.bookrental.gateway.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.bookrental.gateway.problem.ProblemWriter;
import dev.bookrental.platform.web.ProblemTypes;

/**
 * RFC 9457 problems for the requests the gateway's security turns away, as the services answer them:
 * 401 {@code unauthenticated} and 403 {@code forbidden}. Spring Security's bearer-token handlers set
 * the status and the RFC 6750 challenge ({@code WWW-Authenticate: Bearer error="invalid_token", ...})
 * and then complete the response empty; they run on a view of the response whose completion is left
 * to the problem written after them.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ServerAuthenticationEntryPoint challenge = new BearerTokenServerAuthenticationEntryPoint();
    private final ServerAccessDeniedHandler insufficientRole = new BearerTokenServerAccessDeniedHandler();
    private final ProblemWriter problems;

    SecurityProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
        return challenge.commence(leavingTheBodyOpen(exchange), exception)
                .then(Mono.defer(() -> problems.write(exchange, status(exchange, HttpStatus.UNAUTHORIZED),
                        ProblemTypes.UNAUTHENTICATED, "Unauthenticated", unauthenticated(exception))));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException exception) {
        return insufficientRole.handle(leavingTheBodyOpen(exchange), exception)
                .then(Mono.defer(() -> problems.write(exchange, status(exchange, HttpStatus.FORBIDDEN),
                        ProblemTypes.FORBIDDEN, "Forbidden", "The access token does not carry the role this request needs.")));
    }

    static String unauthenticated(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException invalid && invalid.getError().getDescription() != null) {
            return "The access token is not valid: " + invalid.getError().getDescription();
        }
        return "Sign in first: send an access token of the auth service as 'Authorization: Bearer <token>'.";
    }

    /** The status Spring Security's handler chose (a malformed request is a 400, say), else the usual one. */
    private static HttpStatusCode status(ServerWebExchange exchange, HttpStatus usual) {
        HttpStatusCode chosen = exchange.getResponse().getStatusCode();
        return chosen == null ? usual : chosen;
    }

    private static ServerWebExchange leavingTheBodyOpen(ServerWebExchange exchange) {
        return exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                return Mono.empty();
            }
        }).build();
    }
}
