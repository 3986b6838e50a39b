package dev.bookrental.gateway.ratelimit;

import java.util.function.Supplier;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.bookrental.gateway.problem.ProblemWriter;
import dev.bookrental.platform.web.ProblemTypes;

/**
 * One rate limit of the gateway: every request whose key (client address, or token subject) resolves
 * takes a token from that key's bucket; an empty bucket is a 429 problem with {@code Retry-After}. A
 * request without a key (no signed-in user, say) is not limited by this filter.
 */
final class RateLimitFilter implements WebFilter, Ordered {

    /** The buckets refill once a second (Redis' clock has whole seconds), so a token is back within one. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final String per;
    private final int order;
    private final KeyResolver keys;
    private final Supplier<RateLimitProperties.Limit> limit;
    private final TokenBuckets buckets;
    private final ProblemWriter problems;

    /**
     * @param per   what a key is, e.g. {@code client-ip}; it names the buckets and the 429's detail
     * @param order where the filter runs among the web filters (before or after authentication)
     */
    RateLimitFilter(String per, int order, KeyResolver keys, Supplier<RateLimitProperties.Limit> limit, TokenBuckets buckets,
            ProblemWriter problems) {
        this.per = per;
        this.order = order;
        this.keys = keys;
        this.limit = limit;
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return keys.resolve(exchange)
                .flatMap(key -> buckets.take(per + ":" + key, limit.get()))
                .defaultIfEmpty(true)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : tooManyRequests(exchange, limit.get()));
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimitProperties.Limit limit) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests",
                "More than " + limit.replenishRate() + " requests a second (bursts of " + limit.burstCapacity() + ") per " + per
                        + "; try again in " + RETRY_AFTER_SECONDS + " s.");
    }

    @Override
    public int getOrder() {
        return order;
    }
}
