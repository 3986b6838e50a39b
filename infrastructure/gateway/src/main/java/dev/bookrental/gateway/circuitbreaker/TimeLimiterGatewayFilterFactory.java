package dev.bookrental.gateway.circuitbreaker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.timelimiter.TimeLimiter;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import dev.bookrental.platform.resilience.Resilience;

/**
 * The time limiter of every route ({@code - TimeLimiter} in the gateway's default filters,
 * config/gateway.yml): inside the circuit breaker and outside the retry, it bounds the whole
 * exchange, retries on other instances included. A call it cuts off fails with a
 * {@link TimeoutException}, which the breaker counts as a failure and the fallback answers with a
 * 504 problem ({@link CircuitBreakerFallback}). The limit is the route's Resilience4j time limiter's
 * ({@code bookrental.resilience.time-limiter.timeout}), read per request, so a bus refresh changes it
 * at once; a timeout is counted in its metrics ({@code resilience4j_timelimiter_calls_total{kind="timeout"}}).
 *
 * <p>Why not Spring Cloud CircuitBreaker's own time limiter (switched off by
 * {@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): it is Reactor's
 * {@code timeout(Duration)}, a timer on the shared {@code parallel} scheduler, so every request
 * wakes a scheduler thread to arm the timer and again to cancel it (the cost the gateway's response
 * timeout was moved off for, see {@code ResponseTimeout}; whether it is a measurable part of what the
 * breakers cost per request is not shown yet: docs/measurements.md, 23:24 run). This one arms the
 * timer on the Netty event loop that handles the request; Reactor Netty runs the proxied call's
 * connection on the same loop (colocation), so arming and cancelling the timer are operations on
 * a queue of the thread that is already running, with no other thread woken.
 */
@Component
class TimeLimiterGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final Resilience resilience;

    TimeLimiterGatewayFilterFactory(Resilience resilience) {
        super(Object.class);
        this.resilience = resilience;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null) {
                return chain.filter(exchange);
            }
            TimeLimiter limiter = resilience.timeLimiter(route.getId());
            Duration limit = limiter.getTimeLimiterConfig().getTimeoutDuration();
            return chain.filter(exchange).timeout(timer(exchange, limit), Mono.error(() -> {
                TimeoutException timeout = new TimeoutException("route " + route.getId() + ": no response within " + limit);
                limiter.onError(timeout);
                return timeout;
            }));
        };
    }

    /** Fires once after the limit; on the request's event loop when there is one. */
    private static Mono<Long> timer(ServerWebExchange exchange, Duration limit) {
        EventLoop loop = eventLoop(exchange);
        if (loop == null) {
            return Mono.delay(limit);
        }
        return Mono.create(sink -> {
            ScheduledFuture<?> timer = loop.schedule(() -> sink.success(0L), limit.toNanos(), TimeUnit.NANOSECONDS);
            sink.onCancel(() -> timer.cancel(false));
        });
    }

    private static EventLoop eventLoop(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
