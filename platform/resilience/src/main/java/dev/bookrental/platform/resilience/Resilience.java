package dev.bookrental.platform.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Circuit breaker, bulkhead, retry, time limiter — the service's Resilience4j registries with the
 * thresholds in force ({@link ResilienceProperties}), and the refresh that changes them at runtime.
 *
 * <p>Why this class: Resilience4j fixes a breaker's configuration when it creates it, and its
 * Spring Boot binding reads the properties once at start, so a {@code busrefresh} alone would change
 * nothing. Here every configuration change that touches {@code bookrental.resilience} is bound
 * again and validated; then every breaker, time limiter, bulkhead and retry in the registries is
 * replaced by one of the same name and tags built with the new thresholds (removed, then
 * added: the Micrometer binders follow those two events — after a {@code Registry.replace} the
 * state gauge was gone from /actuator/prometheus; callers that look their instance up by name per
 * call — Spring Cloud CircuitBreaker does, and so do {@link #circuitBreaker} and the others here —
 * use the new one from their next call). A replaced breaker starts closed with an empty window: the new
 * thresholds are judged on calls made under them. A configuration that is not valid is refused,
 * logged, and the thresholds in force stay.
 */
public final class Resilience implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(Resilience.class);

    private final Environment environment;
    private final CircuitBreakerRegistry circuitBreakers;
    private final TimeLimiterRegistry timeLimiters;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private volatile ResilienceProperties current;

    public Resilience(Environment environment) {
        this.environment = environment;
        this.current = bind();
        this.circuitBreakers = CircuitBreakerRegistry.of(current.circuitBreaker().config());
        this.timeLimiters = TimeLimiterRegistry.of(current.timeLimiter().config());
        this.bulkheads = BulkheadRegistry.of(current.bulkhead().config());
        this.retries = RetryRegistry.of(current.retry().config());
    }

    /** The thresholds in force. */
    public ResilienceProperties current() {
        return current;
    }

    /** The breaker of that name, created with the thresholds in force if it is the first call. */
    public CircuitBreaker circuitBreaker(String name) {
        return circuitBreakers.circuitBreaker(name, () -> current.circuitBreaker().config());
    }

    public TimeLimiter timeLimiter(String name) {
        return timeLimiters.timeLimiter(name, () -> current.timeLimiter().config());
    }

    public Bulkhead bulkhead(String name) {
        return bulkheads.bulkhead(name, () -> current.bulkhead().config());
    }

    public Retry retry(String name) {
        return retries.retry(name, () -> current.retry().config());
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }

    public TimeLimiterRegistry timeLimiters() {
        return timeLimiters;
    }

    public BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    public RetryRegistry retries() {
        return retries;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(ResilienceProperties.PREFIX))) {
            return;
        }
        try {
            apply(bind());
        } catch (RuntimeException invalid) {
            log.error("Resilience thresholds unchanged ({}): the new configuration is not valid", current, invalid);
        }
    }

    /** Puts new thresholds in force: every existing instance is replaced, later ones are created with them. */
    void apply(ResilienceProperties next) {
        // Built first, all of them: an invalid value throws here, before anything is replaced.
        var circuitBreakerConfig = next.circuitBreaker().config();
        var timeLimiterConfig = next.timeLimiter().config();
        var bulkheadConfig = next.bulkhead().config();
        var retryConfig = next.retry().config();
        current = next;
        for (CircuitBreaker old : circuitBreakers.getAllCircuitBreakers()) {
            circuitBreakers.remove(old.getName());
            circuitBreakers.circuitBreaker(old.getName(), circuitBreakerConfig, old.getTags());
        }
        for (TimeLimiter old : timeLimiters.getAllTimeLimiters()) {
            timeLimiters.remove(old.getName());
            timeLimiters.timeLimiter(old.getName(), timeLimiterConfig, old.getTags());
        }
        for (Bulkhead old : bulkheads.getAllBulkheads()) {
            bulkheads.remove(old.getName());
            bulkheads.bulkhead(old.getName(), bulkheadConfig, old.getTags());
        }
        for (Retry old : retries.getAllRetries()) {
            retries.remove(old.getName());
            retries.retry(old.getName(), retryConfig, old.getTags());
        }
        log.info("Resilience thresholds now: {}", next);
    }

    private ResilienceProperties bind() {
        return Binder.get(environment).bindOrCreate(ResilienceProperties.PREFIX, ResilienceProperties.class);
    }
}
