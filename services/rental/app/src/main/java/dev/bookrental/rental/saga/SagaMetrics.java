package dev.bookrental.rental.saga;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.bookrental.rental.api.RentalEvent.RejectionReason;

/**
 * Metrics of the rent saga (docs/patterns/monitoring.md): {@code rental.saga.started}, and the
 * timer {@code rental.saga} of every saga that ended, tagged with its {@code outcome} (RENTED,
 * REJECTED) and {@code reason} (NONE, or the rejection's), measured from {@code RentRequested} to
 * the end, so its count is the rate per outcome and its histogram buckets the latency a member
 * waits.
 *
 * <p>Recorded only when the transaction that started or ended the saga commits: a step rolled back
 * (a conflict retried, a crash) is not counted, and its retry is counted once.
 */
@Component
class SagaMetrics {

    static final String STARTED = "rental.saga.started";
    static final String ENDED = "rental.saga";
    static final String NO_REASON = "NONE";
    /** Histogram boundaries for latency percentiles in Prometheus: a saga takes tens of milliseconds to seconds. */
    private static final Duration[] LATENCY_BUCKETS = LongStream.of(25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter started;

    SagaMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.started = Counter.builder(STARTED).description("Rent sagas started (RentRequested)").register(registry);
    }

    void started() {
        afterCommit(started::increment);
    }

    /** The saga of {@code rental} ended; {@code reason} is null when the book was rented. */
    void ended(Rental rental, RejectionReason reason) {
        Duration took = Duration.between(rental.requestedAt(), clock.instant());
        Timer timer = Timer.builder(ENDED)
                .description("Rent sagas ended, from RentRequested to RENTED or REJECTED")
                .tag("outcome", reason == null ? Rental.Status.RENTED.name() : Rental.Status.REJECTED.name())
                .tag("reason", reason == null ? NO_REASON : reason.name())
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        afterCommit(() -> timer.record(took.isNegative() ? Duration.ZERO : took));
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
