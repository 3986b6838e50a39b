package dev.bookrental.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * The thresholds of a service's breakers, bulkheads, retries and time limiters change at runtime:
 * a configuration change (what a bus refresh publishes) replaces every existing instance with one
 * built from the new values; an invalid change is refused and the thresholds in force stay.
 */
class ResilienceTests {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("bookrental.resilience.circuit-breaker.failure-rate-threshold", "50")
            .withProperty("bookrental.resilience.time-limiter.timeout", "2s");
    private final Resilience resilience = new Resilience(environment);

    @Test
    void startsWithTheConfiguredThresholdsAndDefaultsForTheRest() {
        assertThat(resilience.circuitBreaker("book").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(50f);
        assertThat(resilience.timeLimiter("book").getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(resilience.bulkhead("book").getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(20);
        assertThat(resilience.retry("book").getRetryConfig().getMaxAttempts()).isEqualTo(3);
    }

    @Test
    void aChangedThresholdReplacesEveryExistingInstanceAndAppliesToNewOnes() {
        CircuitBreaker before = resilience.circuitBreaker("book");
        before.transitionToOpenState();
        resilience.timeLimiter("book");
        resilience.bulkhead("member");
        resilience.retry("member");

        change("circuit-breaker.failure-rate-threshold", "25", "time-limiter.timeout", "700ms",
                "bulkhead.max-concurrent-calls", "4", "retry.max-attempts", "2");

        CircuitBreaker after = resilience.circuitBreaker("book");
        assertThat(after).isNotSameAs(before);
        assertThat(resilience.circuitBreakers().getAllCircuitBreakers()).containsExactly(after);
        assertThat(after.getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(25f);
        assertThat(after.getState()).as("a replaced breaker starts closed").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(resilience.timeLimiter("book").getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofMillis(700));
        assertThat(resilience.bulkhead("member").getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(4);
        assertThat(resilience.retry("member").getRetryConfig().getMaxAttempts()).isEqualTo(2);
        assertThat(resilience.circuitBreaker("rental").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(25f);
    }

    @Test
    void anInvalidThresholdIsRefusedAndTheOnesInForceStay() {
        CircuitBreaker before = resilience.circuitBreaker("book");

        change("circuit-breaker.failure-rate-threshold", "150");

        assertThat(resilience.circuitBreaker("book")).isSameAs(before);
        assertThat(resilience.current().circuitBreaker().failureRateThreshold()).isEqualTo(50f);
    }

    @Test
    void aChangeOfOtherKeysLeavesTheBreakersAlone() {
        CircuitBreaker before = resilience.circuitBreaker("book");
        environment.setProperty("bookrental.gateway.response-timeout", "1s");

        resilience.onApplicationEvent(new EnvironmentChangeEvent(Set.of("bookrental.gateway.response-timeout")));

        assertThat(resilience.circuitBreaker("book")).isSameAs(before);
    }

    @Test
    void onlyAFailureToReachTheServiceIsRetriedNotAReadTimeout() {
        assertThat(ResilienceProperties.Retry.isTransient(new ConnectException("refused"))).isTrue();
        assertThat(ResilienceProperties.Retry.isTransient(new HttpConnectTimeoutException("connect"))).isTrue();
        assertThat(ResilienceProperties.Retry.isTransient(new IOException("closed by the server"))).isTrue();
        assertThat(ResilienceProperties.Retry.isTransient(new HttpTimeoutException("read"))).isFalse();
        assertThat(ResilienceProperties.Retry.isTransient(new SocketTimeoutException("read"))).isFalse();
        assertThat(ResilienceProperties.Retry.isTransient(new IllegalStateException("a bug"))).isFalse();
    }

    /** Sets {@code bookrental.resilience.<key>} to value, pairwise, and publishes the change as a refresh does. */
    private void change(String... keysAndValues) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = ResilienceProperties.PREFIX + "." + keysAndValues[i];
            environment.setProperty(key, keysAndValues[i + 1]);
            keys.add(key);
        }
        resilience.onApplicationEvent(new EnvironmentChangeEvent(keys));
    }
}
