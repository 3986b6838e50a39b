package dev.bookrental.query;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.bookrental.book.api.BookTopics;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.DeadLetter;
import dev.bookrental.rental.api.RentalTopics;

/** A real PostgreSQL and a real Kafka broker, started once for the test JVM on random ports. */
final class TestInfrastructure {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;

    private TestInfrastructure() {
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** The three facts topics the read side consumes, with two partitions each, and their dead-letter topics. */
    static synchronized EmbeddedKafkaKraftBroker kafka() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 2,
                    BookTopics.EVENTS, MemberTopics.EVENTS, RentalTopics.EVENTS,
                    BookTopics.EVENTS + DeadLetter.TOPIC_SUFFIX, MemberTopics.EVENTS + DeadLetter.TOPIC_SUFFIX,
                    RentalTopics.EVENTS + DeadLetter.TOPIC_SUFFIX);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka;
    }
}
