package dev.bookrental.book.hold;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.book.BookApplication;
import dev.bookrental.book.api.BookReply;
import dev.bookrental.platform.messaging.IdempotentConsumer;

/**
 * The whole book service against a real PostgreSQL (migrated by its Flyway scripts at startup) and
 * a real Kafka broker, both in the test JVM: commands and events arrive through Kafka, replies leave
 * through the outbox relay onto Kafka, where {@link RentalStandIn} reads them as rental would.
 */
@SpringBootTest(classes = {BookApplication.class, RentalStandIn.class}, properties = {
        "spring.config.location=classpath:/slice-test.yml", // instead of application.yml and its config-server import
        "spring.kafka.consumer.auto-offset-reset=earliest",
        // As the config repository's application.yml: the bus's Spring Cloud Stream would make byte arrays the default.
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "bookrental.messaging.outbox.poll-interval=20ms",
        "bookrental.messaging.consumer.initial-backoff=50ms"})
abstract class SagaParticipantTest {

    static final Duration ANSWERED = Duration.ofSeconds(20);
    private static final AtomicLong isbns = new AtomicLong();

    @Autowired RentalStandIn rental;
    @Autowired IdempotentConsumer idempotent;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SagaInfrastructure.postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.kafka.bootstrap-servers", () -> SagaInfrastructure.kafka().getBrokersAsString());
    }

    static String newRentalId() {
        return UUID.randomUUID().toString();
    }

    /** A title of its own for each test, so that the copies of one test are not another's. */
    long newBook() {
        return jdbc.sql("INSERT INTO book (isbn, title, authors) VALUES (:isbn, 'Saga test', ARRAY['Tester']) RETURNING id")
                .param("isbn", "999%010d".formatted(isbns.incrementAndGet()))
                .query(Long.class)
                .single();
    }

    List<Long> addCopies(long bookId, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> jdbc.sql("INSERT INTO copy (book_id) VALUES (:bookId) RETURNING id")
                        .param("bookId", bookId).query(Long.class).single())
                .toList();
    }

    String status(long copyId) {
        return jdbc.sql("SELECT status FROM copy WHERE id = :id").param("id", copyId).query(String.class).single();
    }

    List<String> statuses(long bookId) {
        return jdbc.sql("SELECT status FROM copy WHERE book_id = :bookId ORDER BY id")
                .param("bookId", bookId).query(String.class).list();
    }

    /** The state of the rental's hold, or null when book has no row for it. */
    String holdState(String rentalId) {
        return jdbc.sql("SELECT state FROM copy_hold WHERE rental_id = CAST(:rentalId AS uuid)")
                .param("rentalId", rentalId).query(String.class).optional().orElse(null);
    }

    /** Waits until the rental has {@code count} replies and returns them in order. */
    List<BookReply> awaitReplies(String rentalId, int count) {
        return await().atMost(ANSWERED).until(() -> rental.repliesTo(rentalId), replies -> replies.size() >= count);
    }
}
