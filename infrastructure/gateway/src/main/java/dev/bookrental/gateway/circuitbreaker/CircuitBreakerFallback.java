package dev.bookrental.gateway.circuitbreaker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import dev.bookrental.gateway.problem.ProblemWriter;
import dev.bookrental.platform.resilience.Resilience;
import dev.bookrental.platform.web.ProblemTypes;

/**
 * The fallback of every route's circuit breaker ({@code fallbackUri: forward:/fallback}): what the
 * client gets when the breaker is open, or the call failed or took longer than the time limiter.
 * <ul>
 * <li>The public catalog list ({@code GET /api/books}) gets a degraded answer if the gateway has
 * the last good page for that query ({@link CatalogPageCache}): 200 with that page, marked
 * {@value #DEGRADED_HEADER}{@code : cached} and {@code Age} (seconds since it was stored).</li>
 * <li>Otherwise a problem naming the service: {@code 503 service-unavailable} with
 * {@code Retry-After} (the breaker's wait in open state) when it is open or the service failed,
 * {@code 504 gateway-timeout} when the service did not answer in time.</li>
 * </ul>
 */
@RestController
class CircuitBreakerFallback {

    static final String PATH = "/fallback";
    static final String DEGRADED_HEADER = "Bookrental-Degraded";

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerFallback.class);

    private final CatalogPageCache catalog;
    private final Resilience resilience;
    private final ProblemWriter problems;

    CircuitBreakerFallback(CatalogPageCache catalog, Resilience resilience, ProblemWriter problems) {
        this.catalog = catalog;
        this.resilience = resilience;
        this.problems = problems;
    }

    @RequestMapping(PATH)
    Mono<Void> fallback(ServerWebExchange exchange) {
        Throwable error = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (error == null) { // asked for directly, not forwarded by a breaker
            return problems.write(exchange, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "No route or resource at " + PATH + ".");
        }
        String service = service(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        String query = exchange.getAttribute(CatalogPageCache.QUERY_ATTR);
        Optional<CatalogPageCache.Page> cached = query == null ? Optional.empty() : catalog.find(query);
        if (cached.isPresent()) {
            return degraded(exchange, cached.get());
        }
        Map<String, Object> about = Map.of("service", service, "instance", exchange.getAttributeOrDefault(RequestedPath.ATTR, PATH));
        if (timedOut(error)) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.GATEWAY_TIMEOUT, "Gateway timeout",
                    "The service " + service + " did not answer in time.", about);
        }
        if (!(error instanceof CallNotPermittedException)) {
            log.warn("{} {} -> 503, {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), service, error.toString());
        }
        long retryAfter = Math.max(1, ceilSeconds(resilience.current().circuitBreaker().waitDurationInOpenState()));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        String why = error instanceof CallNotPermittedException ? " (circuit open)" : "";
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
                "The service " + service + " is not available right now" + why + "; try again in " + retryAfter + " s.", about);
    }

    private static Mono<Void> degraded(ServerWebExchange exchange, CatalogPageCache.Page page) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(page.contentType());
        headers.set(DEGRADED_HEADER, "cached");
        headers.set(HttpHeaders.AGE, Long.toString(Math.max(0, Duration.between(page.storedAt(), Instant.now()).toSeconds())));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page.body())));
    }

    /** The name of the service behind the route: the {@code lb://} name, else the route's id. */
    static String service(Route route) {
        if (route == null) {
            return "unknown";
        }
        return "lb".equals(route.getUri().getScheme()) ? route.getUri().getHost() : route.getId();
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
