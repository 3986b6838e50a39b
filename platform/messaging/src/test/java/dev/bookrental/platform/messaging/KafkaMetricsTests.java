package dev.bookrental.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.bookrental.platform.messaging.MessagingTestApplication.Reservations;

/**
 * The Kafka clients of a service report their metrics through Micrometer (docs/patterns/monitoring.md):
 * the listeners' consumers (Spring Boot's consumer factory: consumer lag), the relay's producer
 * (its own factory, bound by the platform) and the outbox backlog.
 */
class KafkaMetricsTests extends MessagingSliceTest {

    @Autowired MeterRegistry meters;
    @Autowired Reservations reservations;

    @Test
    void listenersReportTheirConsumerLag() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").tag("client.id", id -> true).gauges())
                        .isNotEmpty());
    }

    @Test
    void theRelaysProducerReportsItsSends() {
        reservations.reserve("book-metrics", "member-metrics");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meters.find("kafka.producer.record.send.total").functionCounters()).isNotEmpty());
        assertThat(meters.find("outbox.backlog").gauge()).isNotNull();
    }
}
