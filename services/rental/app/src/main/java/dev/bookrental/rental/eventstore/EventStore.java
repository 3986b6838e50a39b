package dev.bookrental.rental.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Append-only event store on PostgreSQL (table {@code event}): streams of events with gapless
 * versions, appended with an expected version.
 *
 * <p>Optimistic concurrency: two commands that read a stream at version 7 both try to append
 * version 8; the unique key (stream, version) lets exactly one of them commit, the other gets a
 * {@link StreamVersionConflictException} and is decided again from the fresh stream.
 */
@Repository
public class EventStore {

    private final JdbcClient jdbc;

    public EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stream's events after {@code afterVersion} (0: all of them), in version order. */
    public List<RecordedEvent> load(String streamId, int afterVersion) {
        return jdbc.sql("""
                SELECT position, event_id, stream_id, version, type, schema_version, payload::text AS payload,
                       metadata::text AS metadata, recorded_at
                FROM event WHERE stream_id = :stream AND version > :after ORDER BY version
                """)
                .param("stream", streamId)
                .param("after", afterVersion)
                .query(EventStore::recorded)
                .list();
    }

    /**
     * Appends events to a stream that is at {@code expectedVersion} (0: a new stream), in the
     * caller's transaction if there is one, so that the events and an outbox message commit together.
     *
     * @return the stream's new version
     * @throws StreamVersionConflictException when the stream is no longer at {@code expectedVersion}
     */
    @Transactional
    public int append(String streamId, int expectedVersion, List<NewEvent> events) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative");
        }
        int version = expectedVersion;
        try {
            for (NewEvent event : events) {
                version++;
                jdbc.sql("""
                        INSERT INTO event (event_id, stream_id, version, type, schema_version, payload, metadata)
                        VALUES (:id, :stream, :version, :type, :schemaVersion, :payload::jsonb, :metadata::jsonb)
                        """)
                        .param("id", event.eventId())
                        .param("stream", streamId)
                        .param("version", version)
                        .param("type", event.type())
                        .param("schemaVersion", event.schemaVersion())
                        .param("payload", event.payload())
                        .param("metadata", event.metadata())
                        .update();
            }
        } catch (DuplicateKeyException e) {
            throw new StreamVersionConflictException(streamId, expectedVersion, e);
        }
        return version;
    }

    private static RecordedEvent recorded(ResultSet rs, int row) throws SQLException {
        return new RecordedEvent(rs.getLong("position"), rs.getObject("event_id", java.util.UUID.class),
                rs.getString("stream_id"), rs.getInt("version"), rs.getString("type"), rs.getInt("schema_version"),
                rs.getString("payload"), rs.getString("metadata"), rs.getTimestamp("recorded_at").toInstant());
    }
}
