package dev.bookrental.gateway.problem;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.bookrental.platform.web.ProblemTypes;

/**
 * Every error the gateway itself answers is an RFC 9457 problem: an unknown route is a 404, a
 * service with no live instance, or whose connection failed (refused, reset), a 503 with {@code Retry-After},
 * a service too slow to answer a 504 — never a hang and never an HTML or bare error page.
 */
@Component
@Order(-2) // before Spring Boot's default handler
class GatewayProblemHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemWriter problems;

    GatewayProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = classify(error, exchange.getRequest().getPath().value());
        if (problem.status().is5xxServerError()) {
            log.warn("{} {} -> {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.status().value(), error.toString());
        }
        if (problem.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        }
        return problems.write(exchange, problem.status(), problem.type(), problem.title(), problem.detail());
    }

    record Problem(HttpStatusCode status, URI type, String title, String detail) {
    }

    static Problem classify(Throwable error, String path) {
        if (error instanceof ResponseStatusException rse) {
            HttpStatusCode status = rse.getStatusCode();
            return switch (status.value()) {
                case 404 -> new Problem(status, ProblemTypes.NOT_FOUND, "Not found", "No route or resource at " + path + ".");
                case 503 -> unavailable(status);
                case 504 -> timeout();
                case 405 -> other(rse, ProblemTypes.METHOD_NOT_ALLOWED);
                case 415 -> other(rse, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
                default -> other(rse, status.is4xxClientError() ? ProblemTypes.of("http-" + status.value()) : ProblemTypes.INTERNAL_ERROR);
            };
        }
        if (causedBy(error, IOException.class)) { // refused, reset or closed early by the service
            return unavailable(HttpStatus.SERVICE_UNAVAILABLE);
        }
        // A response timeout (ResponseTimeout: Netty's ReadTimeoutException) or a route's own timeout.
        if (causedBy(error, ReadTimeoutException.class) || causedBy(error, TimeoutException.class)) {
            return timeout();
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
                "The gateway failed to answer; the error has been logged.");
    }

    private static Problem other(ResponseStatusException rse, URI type) {
        String phrase = HttpStatus.valueOf(rse.getStatusCode().value()).getReasonPhrase();
        return new Problem(rse.getStatusCode(), type, phrase, rse.getReason() == null ? phrase + "." : rse.getReason());
    }

    private static Problem unavailable(HttpStatusCode status) {
        return new Problem(status, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                "The service behind this route is not available right now; try again shortly.");
    }

    private static Problem timeout() {
        return new Problem(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.GATEWAY_TIMEOUT, "Gateway timeout",
                "The service behind this route did not answer in time.");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
