package dev.bookrental.book.hold;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.bookrental.book.hold.CopyHold.State;

/**
 * The holds of the rent saga and the copies they take and give back, in the book service's own
 * database and always in the caller's transaction.
 */
@Repository
class CopyHoldRepository {

    private final JdbcClient jdbc;

    CopyHoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rental's hold, locked until the end of the transaction; empty when book has not heard of the rental. */
    Optional<CopyHold> lock(UUID rentalId) {
        return jdbc.sql("SELECT book_id, copy_id, state FROM copy_hold WHERE rental_id = :rentalId FOR UPDATE")
                .param("rentalId", rentalId)
                .query((rs, row) -> new CopyHold(rs.getObject("book_id", Long.class), rs.getObject("copy_id", Long.class),
                        State.valueOf(rs.getString("state"))))
                .optional();
    }

    /**
     * Marks one AVAILABLE copy of the book RENTED and returns its id; empty when no copy is free (or
     * there is no such book). {@code SKIP LOCKED} passes over a copy that a concurrent reservation
     * is taking, so two reservations never get the same copy and neither waits for the other; a
     * plain {@code FOR UPDATE} would wait, then find its copy gone and answer "none" although
     * another copy may be free.
     */
    Optional<Long> takeAvailableCopy(long bookId) {
        return jdbc.sql("""
                        UPDATE copy SET status = 'RENTED'
                        WHERE id = (SELECT id FROM copy WHERE book_id = :bookId AND status = 'AVAILABLE'
                                    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("bookId", bookId)
                .query(Long.class)
                .optional();
    }

    /** The copy is on the shelf again. */
    void putBack(long copyId) {
        jdbc.sql("UPDATE copy SET status = 'AVAILABLE' WHERE id = :copyId AND status = 'RENTED'")
                .param("copyId", copyId)
                .update();
    }

    /**
     * Stores the first decision about a rental, unless there is one: false when the rental was
     * decided before. While the inserting transaction is open, a concurrent insert of the same
     * rental (two deliveries at once, only while partitions move between instances) waits on the
     * primary key, then finds the row and inserts nothing.
     */
    boolean insertIfAbsent(UUID rentalId, CopyHold hold) {
        return jdbc.sql("""
                        INSERT INTO copy_hold (rental_id, book_id, copy_id, state)
                        VALUES (:rentalId, :bookId, :copyId, :state)
                        ON CONFLICT (rental_id) DO NOTHING
                        """)
                .param("rentalId", rentalId)
                .param("bookId", hold.bookId())
                .param("copyId", hold.copyId())
                .param("state", hold.state().name())
                .update() == 1;
    }

    void update(UUID rentalId, CopyHold hold) {
        jdbc.sql("""
                        UPDATE copy_hold SET book_id = :bookId, copy_id = :copyId, state = :state, updated_at = now()
                        WHERE rental_id = :rentalId
                        """)
                .param("rentalId", rentalId)
                .param("bookId", hold.bookId())
                .param("copyId", hold.copyId())
                .param("state", hold.state().name())
                .update();
    }
}
