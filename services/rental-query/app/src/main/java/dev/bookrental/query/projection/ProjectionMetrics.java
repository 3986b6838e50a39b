package dev.bookrental.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Projection lag as metrics (on {@code /actuator/prometheus}), for the generation that answers queries:
 * <ul>
 * <li>{@code bookrental.projection.delay} (timer, per topic): from the moment an event was published
 * (the Kafka record's timestamp, set when the producer's outbox relay sent it) to the moment its
 * change of the views committed — how stale an answer is, with p50 and p99;</li>
 * <li>{@code bookrental.projection.lag} (gauge, per topic): events published and not yet applied
 * (the consumer group's lag), refreshed by {@link ProjectionFeeds} at each check;</li>
 * <li>{@code bookrental.projection.generation} (gauge): the generation queries read.</li>
 * </ul>
 */
@Component
public class ProjectionMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Timer> delays = new ConcurrentHashMap<>();
    private final Map<String, Long> lag = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();

    ProjectionMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (String topic : ProjectionFeed.TOPICS) {
            lag.put(topic, 0L);
            Gauge.builder("bookrental.projection.lag", lag, values -> values.getOrDefault(topic, 0L))
                    .description("Events published on the topic and not yet applied to the active views")
                    .baseUnit("events")
                    .tag("topic", topic)
                    .register(registry);
        }
        Gauge.builder("bookrental.projection.generation", generation, AtomicInteger::get)
                .description("The generation of the projections that answers queries")
                .register(registry);
    }

    /** An event of {@code topic} published at {@code publishedAtMillis} is now visible to queries. */
    void applied(String topic, long publishedAtMillis) {
        long delay = Math.max(0, clock.millis() - publishedAtMillis);
        delays.computeIfAbsent(topic, name -> Timer.builder("bookrental.projection.delay")
                        .description("From an event's publication to its change of the views committing")
                        .tag("topic", name)
                        .publishPercentiles(0.5, 0.99)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(Duration.ofMillis(delay));
    }

    void lag(int activeGeneration, Map<String, Long> perTopic) {
        generation.set(activeGeneration);
        lag.putAll(perTopic);
    }
}
