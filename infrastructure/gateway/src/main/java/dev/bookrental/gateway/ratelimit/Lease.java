package dev.bookrental.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokens of one bucket that this gateway instance took from Redis ahead of need and spends
 * without asking Redis again, until they run out or the lease expires. Valid only under the limit
 * it was taken with: after a limit changes, the next request asks Redis.
 */
final class Lease {

    private final RateLimitProperties.Limit limit;
    private final long expiresAtNanos;
    private final AtomicInteger tokens;

    Lease(RateLimitProperties.Limit limit, int tokens, long expiresAtNanos) {
        this.limit = limit;
        this.tokens = new AtomicInteger(tokens);
        this.expiresAtNanos = expiresAtNanos;
    }

    /** Spends one token if this lease still has one and still applies. */
    boolean take(RateLimitProperties.Limit current, long nowNanos) {
        if (!appliesTo(current, nowNanos)) {
            return false;
        }
        while (true) {
            int left = tokens.get();
            if (left <= 0) {
                return false;
            }
            if (tokens.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    /** Adds tokens borrowed by a concurrent request for the same key, so that none is dropped. */
    Lease add(int more) {
        tokens.addAndGet(more);
        return this;
    }

    boolean appliesTo(RateLimitProperties.Limit current, long nowNanos) {
        return limit.equals(current) && nowNanos - expiresAtNanos < 0;
    }

    boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }
}
