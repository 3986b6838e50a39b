package dev.bookrental.rental.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.platform.testsupport.MigratedPostgres;

/** The event store against a real PostgreSQL migrated by the rental service's own Flyway scripts. */
class EventStoreTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration");

    private static JdbcClient jdbc;
    private static EventStore store;

    @BeforeAll
    static void useDatabase() {
        jdbc = database.jdbc();
        store = new EventStore(jdbc);
    }

    @Test
    void appendsToANewStreamAndLoadsInVersionOrder() {
        String stream = newStream();

        int version = store.append(stream, 0, List.of(event("First", "{\"n\":1}"), event("Second", "{\"n\":2}")));

        assertThat(version).isEqualTo(2);
        List<RecordedEvent> loaded = store.load(stream, 0);
        assertThat(loaded).extracting(RecordedEvent::version).containsExactly(1, 2);
        assertThat(loaded).extracting(RecordedEvent::type).containsExactly("First", "Second");
        assertThat(loaded.getFirst().payload()).isEqualTo("{\"n\": 1}");
        assertThat(loaded.get(1).position()).isGreaterThan(loaded.getFirst().position());
        assertThat(store.load(stream, 1)).extracting(RecordedEvent::type).containsExactly("Second");
    }

    @Test
    void appendWithAStaleExpectedVersionFailsAndStoresNothing() {
        String stream = newStream();
        store.append(stream, 0, List.of(event("First", "{}")));
        store.append(stream, 1, List.of(event("Second", "{}")));

        assertThatThrownBy(() -> store.append(stream, 1, List.of(event("Concurrent", "{}"), event("Other", "{}"))))
                .isInstanceOf(StreamVersionConflictException.class)
                .hasMessageContaining("no longer at version 1");

        assertThat(store.load(stream, 0)).extracting(RecordedEvent::type).containsExactly("First", "Second");
    }

    @Test
    void theSameEventCannotBeAppendedTwice() {
        String stream = newStream();
        NewEvent once = event("Once", "{}");
        store.append(stream, 0, List.of(once));

        assertThatThrownBy(() -> store.append(stream, 1, List.of(once))).isInstanceOf(StreamVersionConflictException.class);
        assertThat(store.load(stream, 0)).hasSize(1);
    }

    @Test
    void eventsCanNeitherBeChangedNorRemoved() {
        String stream = newStream();
        store.append(stream, 0, List.of(event("Fact", "{}")));

        assertThatThrownBy(() -> jdbc.sql("UPDATE event SET type = 'Forged' WHERE stream_id = ?").param(stream).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM event WHERE stream_id = ?").param(stream).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(store.load(stream, 0)).extracting(RecordedEvent::type).containsExactly("Fact");
    }

    @Test
    void anUnknownStreamIsEmpty() {
        assertThat(store.load(newStream(), 0)).isEmpty();
    }

    private static String newStream() {
        return "rental-card-" + UUID.randomUUID();
    }

    private static NewEvent event(String type, String payload) {
        return new NewEvent(UUID.randomUUID(), type, 1, payload, "{\"correlationId\":\"test\"}");
    }
}
