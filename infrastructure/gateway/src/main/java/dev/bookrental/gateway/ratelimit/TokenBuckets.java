package dev.bookrental.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, so every gateway instance counts against the same limits: Spring Cloud
 * Gateway's own token-bucket script ({@code request_rate_limiter.lua}, the one its
 * {@code RedisRateLimiter} runs), atomic in Redis, one bucket per key, refilled once a second by
 * Redis' clock.
 *
 * <p>Fails open: when Redis does not answer (down, or slower than {@code spring.data.redis.timeout}),
 * the request passes unlimited; an outage of the counters must not become an outage of the API. It
 * logs when that starts and when Redis answers again, not once per request.
 */
class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;
    private final AtomicBoolean failingOpen = new AtomicBoolean();

    TokenBuckets(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script) {
        this.redis = redis;
        this.script = script;
    }

    /** Takes one token from the bucket of {@code key}: true if there was one (or Redis did not answer). */
    Mono<Boolean> take(String key, RateLimitProperties.Limit limit) {
        // One hash tag for both keys: on a Redis cluster they live on the same node, as the script needs.
        List<String> keys = List.of("rate-limit.{" + key + "}.tokens", "rate-limit.{" + key + "}.timestamp");
        // Rate, capacity, now (empty: Redis' own clock, the same for every gateway instance), tokens wanted.
        List<String> args = List.of(Integer.toString(limit.replenishRate()), Integer.toString(limit.burstCapacity()), "", "1");
        return redis.execute(script, keys, args)
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(result -> {
                    if (failingOpen.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits apply");
                    }
                    return result.get(0) == 1L;
                })
                .onErrorResume(error -> {
                    if (failingOpen.compareAndSet(false, true)) {
                        log.warn("Redis does not answer, requests pass without rate limit until it does: {}", error.toString());
                    }
                    return Mono.just(true);
                });
    }
}
