package dev.bookrental.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

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
 * <p><b>Leases.</b> Asking Redis on every request costs each proxied request a round trip (two with
 * a token: per address and per user), and with it most of the gateway's overhead on a fast backend.
 * So a gateway instance takes a key's tokens from Redis in small batches — a twentieth of the
 * key's rate a second, at most {@value #MAX_BATCH} — and spends them locally for up to
 * {@link #LEASE_TIME}. Redis still hands out every token, so all instances together never admit
 * more than the limit; the price is that an instance may hold up to a batch less one of a key's
 * tokens that another instance then cannot use, for at most a second. A low limit (under 40
 * requests a second) gives batches of one: exact, a round trip per request, as before. Near the
 * limit, when Redis has fewer tokens than a batch, the instance takes what is left.
 *
 * <p>Fails open: when Redis does not answer (down, or slower than {@code spring.data.redis.timeout}),
 * the request passes unlimited; an outage of the counters must not become an outage of the API. It
 * logs when that starts and when Redis answers again, not once per request.
 */
class TokenBuckets {

    /** How long tokens taken ahead stay valid: the bucket's own unit of time. */
    static final Duration LEASE_TIME = Duration.ofSeconds(1);

    /** The largest batch taken at once, whatever the rate. */
    static final int MAX_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    private static final Mono<Boolean> ALLOWED = Mono.just(true);
    private static final Mono<Boolean> REFUSED = Mono.just(false);

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;
    private final LongSupplier nanoTime;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;
    private final AtomicBoolean failingOpen = new AtomicBoolean();

    TokenBuckets(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script) {
        this(redis, script, System::nanoTime);
    }

    TokenBuckets(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script, LongSupplier nanoTime) {
        this.redis = redis;
        this.script = script;
        this.nanoTime = nanoTime;
        this.nextSweep = new AtomicLong(nanoTime.getAsLong() + LEASE_TIME.toNanos());
    }

    /**
     * How many tokens one trip to Redis takes for a limit: a twentieth of its rate (so an instance
     * holds at most 5 % of a second's tokens), at least one, at most {@value #MAX_BATCH}.
     */
    static int batchSize(RateLimitProperties.Limit limit) {
        return Math.clamp(limit.replenishRate() / 20, 1, MAX_BATCH);
    }

    /** Takes one token from the bucket of {@code key}: true if there was one (or Redis did not answer). */
    Mono<Boolean> take(String key, RateLimitProperties.Limit limit) {
        long now = nanoTime.getAsLong();
        Lease lease = leases.get(key);
        if (lease != null && lease.take(limit, now)) {
            return ALLOWED;
        }
        sweepExpiredLeases(now);
        int batch = batchSize(limit);
        return borrow(key, limit, batch)
                .flatMap(answer -> {
                    if (answer.granted()) {
                        keep(key, limit, batch - 1);
                        return ALLOWED;
                    }
                    if (batch == 1 || answer.tokensLeft() < 1) {
                        return REFUSED;
                    }
                    // Fewer tokens left than a batch: take what is left.
                    int rest = (int) Math.min(answer.tokensLeft(), batch - 1);
                    return borrow(key, limit, rest).map(last -> {
                        if (last.granted()) {
                            keep(key, limit, rest - 1);
                        }
                        return last.granted();
                    });
                })
                .map(allowed -> {
                    if (failingOpen.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits apply");
                    }
                    return allowed;
                })
                .onErrorResume(error -> {
                    if (failingOpen.compareAndSet(false, true)) {
                        log.warn("Redis does not answer, requests pass without rate limit until it does: {}", error.toString());
                    }
                    return ALLOWED;
                });
    }

    /** Number of keys this instance holds tokens for (leases not yet swept included). */
    int leasedKeys() {
        return leases.size();
    }

    private Mono<Answer> borrow(String key, RateLimitProperties.Limit limit, int tokens) {
        // One hash tag for both keys: on a Redis cluster they live on the same node, as the script needs.
        List<String> keys = List.of("rate-limit.{" + key + "}.tokens", "rate-limit.{" + key + "}.timestamp");
        // Rate, capacity, now (empty: Redis' own clock, the same for every gateway instance), tokens wanted.
        List<String> args = List.of(Integer.toString(limit.replenishRate()), Integer.toString(limit.burstCapacity()), "",
                Integer.toString(tokens));
        return redis.execute(script, keys, args)
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(result -> new Answer(result.get(0) == 1L, result.get(1)));
    }

    private void keep(String key, RateLimitProperties.Limit limit, int spare) {
        if (spare < 1) {
            return;
        }
        long now = nanoTime.getAsLong();
        leases.compute(key, (k, held) -> held != null && held.appliesTo(limit, now)
                ? held.add(spare)
                : new Lease(limit, spare, now + LEASE_TIME.toNanos()));
    }

    /** Drops expired leases, at most once per lease time, so keys seen once do not pile up. */
    private void sweepExpiredLeases(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + LEASE_TIME.toNanos())) {
            leases.values().removeIf(lease -> lease.expired(now));
        }
    }

    /** What the script answered: whether the tokens were granted, and how many the bucket has now. */
    private record Answer(boolean granted, long tokensLeft) {
    }
}
