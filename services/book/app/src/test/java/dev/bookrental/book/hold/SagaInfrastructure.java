package dev.bookrental.book.hold;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.bookrental.book.api.BookTopics;
import dev.bookrental.rental.api.RentalTopics;

/**
 * A real PostgreSQL and a real Kafka broker (KRaft), started once for the test JVM on random ports.
 * They stop after the cached application contexts have closed (Spring Boot's shutdown handlers),
 * not beside them as JVM shutdown hooks would, where the outbox relay of a closing context waits
 * for a broker that is already gone.
 */
final class SagaInfrastructure {

    static final String COMMANDS_DLT = BookTopics.COMMANDS + ".DLT";
    static final String EVENTS_DLT = RentalTopics.EVENTS + ".DLT";

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;

    private SagaInfrastructure() {
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            });
        }
        return postgres;
    }

    static synchronized EmbeddedKafkaKraftBroker kafka() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1, BookTopics.COMMANDS, COMMANDS_DLT, RentalTopics.EVENTS, EVENTS_DLT,
                    RentalTopics.SAGA_REPLIES, BookTopics.EVENTS);
            kafka.afterPropertiesSet();
            SpringApplication.getShutdownHandlers().add(kafka::destroy);
        }
        return kafka;
    }
}
