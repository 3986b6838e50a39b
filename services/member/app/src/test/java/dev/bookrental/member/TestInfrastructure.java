package dev.bookrental.member;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.bookrental.auth.api.AuthTopics;
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

    /** One partition per topic, so that the order of everything sent to a topic is the order received. */
    static synchronized EmbeddedKafkaKraftBroker kafka() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1,
                    MemberTopics.COMMANDS, MemberTopics.COMMANDS + DeadLetter.TOPIC_SUFFIX,
                    RentalTopics.EVENTS, RentalTopics.EVENTS + DeadLetter.TOPIC_SUFFIX,
                    AuthTopics.EVENTS, AuthTopics.EVENTS + DeadLetter.TOPIC_SUFFIX,
                    RentalTopics.SAGA_REPLIES, MemberTopics.EVENTS);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka;
    }
}
