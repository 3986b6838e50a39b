package dev.bookrental.rental.card;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest snapshot of each card (table {@code card_snapshot}): the card's state as JSON at a
 * version of its stream. A snapshot is a cache of the events, never a source of truth: it can be
 * deleted at any time, and one written by another shape of {@link RentalCard} ({@link #SHAPE}) is
 * ignored, so the card is replayed from its events instead.
 */
@Repository
class CardSnapshots {

    /** Raise when {@link RentalCard}'s fields change: older snapshots are then ignored and replaced. */
    static final int SHAPE = 1;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CardSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<RentalCard> latest(String memberId) {
        return jdbc.sql("SELECT state::text FROM card_snapshot WHERE stream_id = :stream AND shape = :shape")
                .param("stream", RentalCard.streamOf(memberId))
                .param("shape", SHAPE)
                .query(String.class)
                .optional()
                .map(state -> json.readValue(state, RentalCard.class));
    }

    /** Stores the card as the stream's snapshot unless a newer one is there already. */
    void save(RentalCard card) {
        jdbc.sql("""
                INSERT INTO card_snapshot (stream_id, version, shape, state)
                VALUES (:stream, :version, :shape, :state::jsonb)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, shape = excluded.shape,
                    state = excluded.state, taken_at = now()
                WHERE card_snapshot.version < excluded.version OR card_snapshot.shape <> excluded.shape
                """)
                .param("stream", RentalCard.streamOf(card.memberId()))
                .param("version", card.version())
                .param("shape", SHAPE)
                .param("state", json.writeValueAsString(card))
                .update();
    }
}
