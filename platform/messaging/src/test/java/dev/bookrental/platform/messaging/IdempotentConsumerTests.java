package dev.bookrental.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.bookrental.platform.messaging.MessagingTestApplication.Projection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The idempotent consumer, fed by a real Kafka and recording into a real PostgreSQL. */
class IdempotentConsumerTests extends MessagingSliceTest {

    private static final Duration APPLIED = Duration.ofSeconds(15);

    @Autowired MessagingTestApplication.Sender sender;
    @Autowired IdempotentConsumer idempotent;
    @Autowired JdbcClient jdbc;

    @Test
    void redeliveredMessageIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        send(id, "BookReserved", 1, "book-10", "{\"bookId\":\"book-10\",\"memberId\":\"member-10\"}");
        send(id, "BookReserved", 1, "book-10", "{\"bookId\":\"book-10\",\"memberId\":\"member-10\"}");
        UUID marker = UUID.randomUUID();
        send(marker, "BookReserved", 1, "book-10", "{\"bookId\":\"book-10\",\"memberId\":\"member-11\"}");

        await().atMost(APPLIED).until(() -> effects(marker) == 1);

        assertThat(effects(id)).isEqualTo(1);
        assertThat(idempotent.hasProcessed(Projection.CONSUMER, id)).isTrue();
    }

    @Test
    void picksTheRecordOfASealedFamilyByMessageTypeWithItsSchemaVersion() {
        UUID id = UUID.randomUUID();
        send(id, "BookReturned", 2, "book-11", "{\"bookId\":\"book-11\",\"condition\":\"good\"}");

        await().atMost(APPLIED).until(() -> effects(id) == 1);

        assertThat(jdbc.sql("SELECT message_type || '/' || schema_version FROM applied_effect WHERE message_id = ?")
                .param(id).query(String.class).single()).isEqualTo("BookReturned/2");
    }

    @Test
    void idsOlderThanTheRetentionArePrunedAndNewerOnesKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.sql("INSERT INTO processed_message (consumer_name, message_id, processed_at) VALUES ('pruning', ?, now() - interval '31 days')")
                .param(old).update();
        jdbc.sql("INSERT INTO processed_message (consumer_name, message_id, processed_at) VALUES ('pruning', ?, now() - interval '29 days')")
                .param(recent).update();

        int deleted = new ProcessedMessagePruner(jdbc, Duration.ofDays(30), Duration.ofHours(1)).prune(Instant.now());

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(idempotent.hasProcessed("pruning", old)).isFalse();
        assertThat(idempotent.hasProcessed("pruning", recent)).isTrue();
    }

    private void send(UUID id, String type, int schemaVersion, String key, String payload) {
        sender.send(id, type, schemaVersion, key, payload);
    }

    private long effects(UUID id) {
        return sender.effects(id);
    }
}
