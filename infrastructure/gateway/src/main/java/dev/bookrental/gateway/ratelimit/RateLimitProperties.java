package dev.bookrental.gateway.ratelimit;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's two rate limits ({@code bookrental.gateway.rate-limit} in config/gateway.yml): per
 * signed-in user (the token's subject) and per client address, each a token bucket.
 */
@ConfigurationProperties("bookrental.gateway.rate-limit")
public record RateLimitProperties(Limit perUser, Limit perClientIp) {

    public RateLimitProperties {
        Objects.requireNonNull(perUser, "bookrental.gateway.rate-limit.per-user is not set");
        Objects.requireNonNull(perClientIp, "bookrental.gateway.rate-limit.per-client-ip is not set");
    }

    /**
     * @param replenishRate  requests a second, in the long run
     * @param burstCapacity  requests at once, after a quiet while (the bucket's size)
     */
    public record Limit(int replenishRate, int burstCapacity) {

        public Limit {
            if (replenishRate < 1 || burstCapacity < replenishRate) {
                throw new IllegalArgumentException("A rate limit needs replenish-rate >= 1 and burst-capacity >= replenish-rate, not "
                        + replenishRate + " and " + burstCapacity);
            }
        }
    }
}
