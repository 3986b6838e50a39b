package dev.bookrental.platform.resilience;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Switched on by the dependency: the service's {@link Resilience} (thresholds refreshable at
 * runtime), the actuator endpoint {@code resilience} (thresholds and breaker states), its registries as beans — Spring Cloud CircuitBreaker builds its breakers in them where
 * it is present (the gateway) — and their metrics ({@code resilience4j_circuitbreaker_state},
 * {@code resilience4j_bulkhead_available_concurrent_calls}, {@code resilience4j_retry_calls} …).
 * Ordered before Resilience4j's and Spring Cloud's own auto-configurations, which then use these
 * registries instead of making their own.
 */
@AutoConfiguration(beforeName = {
        "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
        "io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
        "io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration",
        "org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JAutoConfiguration",
        "org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration"})
public class ResilienceAutoConfiguration {

    @Bean
    Resilience resilience(Environment environment) {
        return new Resilience(environment);
    }

    @Bean
    ResilienceEndpoint resilienceEndpoint(Resilience resilience) {
        return new ResilienceEndpoint(resilience);
    }

    /**
     * Every HTTP service group of the service (one per downstream it calls) gets its circuit breaker,
     * bulkhead and retry ({@link ResilientHttpCalls}). Ordered last, so it is the innermost
     * interceptor: a token fetched for the call by another interceptor is not retried with it.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    RestClientHttpServiceGroupConfigurer resilientHttpServiceGroups(Resilience resilience) {
        return groups -> groups.forEachClient((group, client) -> client.requestInterceptor(new ResilientHttpCalls(resilience, group.name())));
    }

    /**
     * Every HTTP service group reports "no instance of the downstream" as an I/O failure, not a bug
     * ({@link NoInstanceIsUnavailable}). Ordered first, before Spring Cloud LoadBalancer's configurer
     * (order 10), so it is the outermost interceptor and sees the load balancer's refusal.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RestClientHttpServiceGroupConfigurer noInstanceIsUnavailable() {
        return groups -> groups.forEachClient((group, client) -> client.requestInterceptor(new NoInstanceIsUnavailable(group.name())));
    }

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(Resilience resilience) {
        return resilience.circuitBreakers();
    }

    @Bean
    TimeLimiterRegistry timeLimiterRegistry(Resilience resilience) {
        return resilience.timeLimiters();
    }

    @Bean
    BulkheadRegistry bulkheadRegistry(Resilience resilience) {
        return resilience.bulkheads();
    }

    @Bean
    RetryRegistry retryRegistry(Resilience resilience) {
        return resilience.retries();
    }

    @Bean
    MeterBinder timeLimiterMetrics(TimeLimiterRegistry timeLimiters) {
        return TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters);
    }

    @Bean
    MeterBinder bulkheadMetrics(BulkheadRegistry bulkheads) {
        return TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads);
    }

    @Bean
    MeterBinder retryMetrics(RetryRegistry retries) {
        return TaggedRetryMetrics.ofRetryRegistry(retries);
    }

    @Bean
    MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry circuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers);
    }
}
