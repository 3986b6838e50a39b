package dev.bookrental.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import dev.bookrental.gateway.TestRedis;

/**
 * The leases of {@link TokenBuckets} against a real Redis and Spring Cloud Gateway's own script:
 * how many trips to Redis a number of requests costs (Redis' own count of script calls), and that
 * tokens taken ahead never let more requests through than the bucket holds.
 */
class TokenBucketsTests {

    private static final TestRedis redis = TestRedis.start();
    private static final LettuceConnectionFactory connections = connect();
    private static final ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(connections);
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> script = (RedisScript) RedisScript.of(
            new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class);

    private final AtomicLong clock = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(template, script, clock::get);

    /** Empty buckets, the script cached in Redis (its first run is two calls: EVALSHA, then EVAL), counts at zero. */
    @BeforeEach
    void emptyRedis() {
        template.execute(script, List.of("warm-up.tokens", "warm-up.timestamp"), List.of("1", "1", "", "1")).blockLast(Duration.ofSeconds(5));
        template.execute(connection -> connection.serverCommands().flushAll()).blockLast(Duration.ofSeconds(5));
        template.execute(connection -> connection.serverCommands().resetConfigStats()).blockLast(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        connections.destroy();
        redis.stop();
    }

    @Test
    void aBatchIsATwentiethOfTheRateBetweenOneAndFifty() {
        assertThat(TokenBuckets.batchSize(new RateLimitProperties.Limit(1, 3))).isEqualTo(1);
        assertThat(TokenBuckets.batchSize(new RateLimitProperties.Limit(39, 39))).isEqualTo(1);
        assertThat(TokenBuckets.batchSize(new RateLimitProperties.Limit(100, 200))).isEqualTo(5);
        assertThat(TokenBuckets.batchSize(new RateLimitProperties.Limit(1_000_000, 1_000_000))).isEqualTo(TokenBuckets.MAX_BATCH);
    }

    @Test
    void tokensTakenAheadAreSpentWithoutAskingRedis() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(100, 200); // batches of 5

        assertThat(take(5, "user:ada", limit)).isEqualTo(5);
        assertThat(scriptCalls()).isEqualTo(1);
        assertThat(take(5, "user:ada", limit)).isEqualTo(5);
        assertThat(scriptCalls()).isEqualTo(2);
        assertThat(take(1, "user:alan", limit)).as("another key has a bucket and a lease of its own").isEqualTo(1);
        assertThat(scriptCalls()).isEqualTo(3);
    }

    @Test
    void aLowLimitAsksRedisForEveryRequest() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(5, 10);

        assertThat(take(4, "client-ip:127.0.0.1", limit)).isEqualTo(4);

        assertThat(scriptCalls()).isEqualTo(4);
        assertThat(buckets.leasedKeys()).isZero();
    }

    @Test
    void theLastTokensOfABucketAreTakenEvenWhenFewerThanABatch() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(40, 41); // batches of 2, 41 tokens

        // 20 batches of two, then the single token left (Redis refills, it never takes away).
        assertThat(take(41, "user:grace", limit)).isEqualTo(41);
    }

    @Test
    void neverMoreRequestsThanTheBucketHolds() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(40, 41);
        long began = System.nanoTime();

        int allowed = take(200, "user:hedy", limit);

        // Redis refills 40 tokens at each change of its clock's second during the run.
        long secondsBegun = Duration.ofNanos(System.nanoTime() - began).toSeconds() + 1;
        assertThat(allowed).isBetween(41, (int) (41 + 40 * secondsBegun));
    }

    @Test
    void aLeaseTakenUnderAnotherLimitIsNotSpent() {
        assertThat(take(1, "user:ada", new RateLimitProperties.Limit(100, 200))).isEqualTo(1);

        assertThat(take(1, "user:ada", new RateLimitProperties.Limit(100, 150))).isEqualTo(1);

        assertThat(scriptCalls()).isEqualTo(2);
    }

    @Test
    void aLeaseExpiresAfterASecond() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(100, 200);
        assertThat(take(1, "user:ada", limit)).isEqualTo(1);

        clock.addAndGet(TokenBuckets.LEASE_TIME.toNanos());
        assertThat(take(1, "user:ada", limit)).isEqualTo(1);

        assertThat(scriptCalls()).isEqualTo(2);
    }

    @Test
    void expiredLeasesAreSweptAway() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(100, 200);
        for (int i = 0; i < 10; i++) {
            take(1, "client-ip:10.0.0." + i, limit);
        }
        assertThat(buckets.leasedKeys()).isEqualTo(10);

        clock.addAndGet(TokenBuckets.LEASE_TIME.toNanos());
        take(1, "client-ip:10.0.1.1", limit);

        assertThat(buckets.leasedKeys()).isEqualTo(1);
    }

    /** Takes {@code count} tokens one after the other; returns how many were granted. */
    private int take(int count, String key, RateLimitProperties.Limit limit) {
        int granted = 0;
        for (int i = 0; i < count; i++) {
            if (Boolean.TRUE.equals(buckets.take(key, limit).block(Duration.ofSeconds(5)))) {
                granted++;
            }
        }
        return granted;
    }

    /** Scripts Redis ran since the last reset (EVALSHA, and EVAL when the script was not cached yet). */
    private static long scriptCalls() {
        var stats = template.execute(connection -> connection.serverCommands().info("commandstats")).blockLast(Duration.ofSeconds(5));
        long calls = 0;
        for (String command : List.of("cmdstat_evalsha", "cmdstat_eval")) {
            String line = stats.getProperty(command);
            if (line != null) {
                calls += Long.parseLong(line.replaceAll("^calls=(\\d+),.*", "$1"));
            }
        }
        return calls;
    }

    private static LettuceConnectionFactory connect() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", redis.port());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
