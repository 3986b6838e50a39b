package dev.bookrental.query.projection;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import dev.bookrental.book.api.BookEvent;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.member.api.MemberEvent;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.PoisonMessageException;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalTopics;

/**
 * The Kafka consumer that feeds one generation of the projections: its own consumer group, so a
 * new generation starts at offset 0 of every topic (a replay) while the active one goes on from
 * its committed offsets. Each message goes through the {@link IdempotentConsumer} under the
 * generation's own consumer name: the views and the message id commit together, a redelivered
 * copy is skipped.
 */
final class ProjectionFeed {

    /** The facts the read side is built from, and nothing else. */
    static final String[] TOPICS = {BookTopics.EVENTS, MemberTopics.EVENTS, RentalTopics.EVENTS};

    private final int generation;
    private final IdempotentConsumer idempotent;
    private final Projector projector;
    private final ProjectionMetrics metrics;
    private final ConcurrentMessageListenerContainer<String, String> container;
    /** Whether this generation answers queries: only then its delays are the projection's lag. */
    private volatile boolean active;

    @SuppressWarnings("unchecked")
    ProjectionFeed(int generation, ConcurrentKafkaListenerContainerFactory<?, ?> containers, int concurrency,
            IdempotentConsumer idempotent, Projector projector, ProjectionMetrics metrics) {
        this.generation = generation;
        this.idempotent = idempotent;
        this.projector = projector;
        this.metrics = metrics;
        this.container = (ConcurrentMessageListenerContainer<String, String>) containers.createContainer(TOPICS);
        container.setBeanName("projection-feed-g" + generation);
        container.setConcurrency(concurrency);
        container.getContainerProperties().setGroupId(groupOf(generation));
        container.getContainerProperties().setClientId("rental-query-g" + generation);
        Properties fromTheBeginning = new Properties();
        fromTheBeginning.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        container.getContainerProperties().setKafkaConsumerProperties(fromTheBeginning);
        container.getContainerProperties().setMessageListener((MessageListener<String, String>) this::on);
    }

    /** The consumer group of a generation: a new group reads every topic from the beginning. */
    static String groupOf(int generation) {
        return "rental-query-g" + generation;
    }

    /** The idempotent consumer's name of a generation: its processed-message ids are its own. */
    static String consumerNameOf(int generation) {
        return "rental-query.g" + generation;
    }

    int generation() {
        return generation;
    }

    void start() {
        container.start();
    }

    void stop() {
        container.stop();
    }

    void active(boolean active) {
        this.active = active;
    }

    boolean active() {
        return active;
    }

    void on(ConsumerRecord<String, String> record) {
        String consumer = consumerNameOf(generation);
        boolean applied = switch (record.topic()) {
            case BookTopics.EVENTS -> idempotent.handle(consumer, record, BookEvent.class,
                    message -> projector.apply(generation, message.payload()));
            case MemberTopics.EVENTS -> idempotent.handle(consumer, record, MemberEvent.class,
                    message -> projector.apply(generation, message.payload()));
            case RentalTopics.EVENTS -> idempotent.handle(consumer, record, RentalEvent.class,
                    message -> projector.apply(generation, message.payload()));
            default -> throw new PoisonMessageException("The read side does not consume " + record.topic());
        };
        if (applied && active) {
            metrics.applied(record.topic(), record.timestamp());
        }
    }
}
