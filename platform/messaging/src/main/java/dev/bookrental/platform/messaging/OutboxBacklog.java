package dev.bookrental.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Gauge {@code outbox.backlog}: committed messages not yet published; it should stay near zero. */
public class OutboxBacklog implements MeterBinder {

    private final JdbcClient jdbc;

    public OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", this, OutboxBacklog::count)
                .description("Outbox messages committed but not yet published")
                .baseUnit("messages")
                .register(registry);
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE published_at IS NULL").query(Long.class).single();
    }
}
