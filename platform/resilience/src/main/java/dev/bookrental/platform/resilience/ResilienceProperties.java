package dev.bookrental.platform.resilience;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of every circuit breaker, time limiter, bulkhead and retry of a service
 * ({@code bookrental.resilience} in the config repository). One set per service: the breakers of a
 * service guard calls of the same kind (its routes, or its calls to other services), and one place
 * to read and change is worth more than a knob per downstream. The defaults suit a laptop; a
 * service's file in config/ changes only what differs.
 */
public record ResilienceProperties(@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue TimeLimiter timeLimiter,
        @DefaultValue Bulkhead bulkhead, @DefaultValue Retry retry) {

    public static final String PREFIX = "bookrental.resilience";

    /**
     * When a breaker opens: {@code failureRateThreshold} percent of the last {@code slidingWindowSize}
     * calls failed, or {@code slowCallRateThreshold} percent took longer than
     * {@code slowCallDurationThreshold} — judged once {@code minimumNumberOfCalls} were made. It stays
     * open (every call refused at once) for {@code waitDurationInOpenState}, then lets
     * {@code permittedNumberOfCallsInHalfOpenState} trial calls through: all good closes it, too many
     * bad opens it again.
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("80") float slowCallRateThreshold,
            @DefaultValue("3s") Duration slowCallDurationThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("10s") Duration waitDurationInOpenState,
            @DefaultValue("3") int permittedNumberOfCallsInHalfOpenState) {

        public CircuitBreakerConfig config() {
            return CircuitBreakerConfig.custom()
                    .failureRateThreshold(failureRateThreshold)
                    .slowCallRateThreshold(slowCallRateThreshold)
                    .slowCallDurationThreshold(slowCallDurationThreshold)
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(slidingWindowSize)
                    .minimumNumberOfCalls(minimumNumberOfCalls)
                    .waitDurationInOpenState(waitDurationInOpenState)
                    // Half-open on the first call after the wait, not only when a call arrives
                    // and finds the wait over: the state a dashboard shows is the true one.
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .permittedNumberOfCallsInHalfOpenState(permittedNumberOfCallsInHalfOpenState)
                    // A full bulkhead refused the call on the caller's side (the caller is busy, not
                    // the downstream failing): not counted, or a burst of the caller's own requests
                    // would open the breaker and cut off a healthy downstream (readside benchmark).
                    .ignoreExceptions(BulkheadFullException.class)
                    .build();
        }
    }

    /** The longest a guarded call may take; a call cut off counts as a failure of its breaker. */
    public record TimeLimiter(@DefaultValue("5s") Duration timeout) {

        public TimeLimiterConfig config() {
            return TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build();
        }
    }

    /**
     * At most {@code maxConcurrentCalls} calls to one downstream at once; one more waits up to
     * {@code maxWaitDuration} for a free place, then is refused: a slow downstream cannot take
     * every thread of its caller.
     */
    public record Bulkhead(@DefaultValue("20") int maxConcurrentCalls, @DefaultValue("100ms") Duration maxWaitDuration) {

        public BulkheadConfig config() {
            return BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(maxWaitDuration).build();
        }
    }

    /**
     * Idempotent calls only: up to {@code maxAttempts} attempts in all, waiting {@code initialInterval},
     * then that times {@code multiplier} each time (exponential backoff). Only a failure to reach the
     * service is tried again — refused, reset, connect timeout — not a read timeout: a service that
     * is slow gets no second request to be slow with.
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("100ms") Duration initialInterval,
            @DefaultValue("2") double multiplier) {

        public RetryConfig config() {
            return RetryConfig.custom()
                    .maxAttempts(maxAttempts)
                    .intervalFunction(IntervalFunction.ofExponentialBackoff(initialInterval, multiplier))
                    .retryOnException(Retry::isTransient)
                    .build();
        }

        static boolean isTransient(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof HttpConnectTimeoutException) {
                    return true;
                }
                if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                    return false;
                }
                if (t instanceof IOException) {
                    return true;
                }
            }
            return false;
        }
    }
}
