package dev.bookrental.rental.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.bookrental.rental.api.RentalEvent.RejectionReason;

/** The rentals (table {@code rental}): the sagas' state, read and written under row locks. */
@Repository
class Rentals {

    private static final String COLUMNS = """
            rental_id, member_id, book_id, status, step, rejection, copy_id, points_charged, release_pending,
            refund_pending, deadline, attempts, due_at, overdue, returned_at, requested_at""";

    private final JdbcClient jdbc;

    Rentals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Rental rental) {
        jdbc.sql("INSERT INTO rental (" + COLUMNS + ") VALUES (:rentalId, :memberId, :bookId, :status, :step, :rejection,"
                        + " :copyId, :pointsCharged, :releasePending, :refundPending, :deadline, :attempts, :dueAt, :overdue,"
                        + " :returnedAt, :requestedAt)")
                .paramSource(params(rental))
                .update();
    }

    void update(Rental rental) {
        jdbc.sql("""
                UPDATE rental SET status = :status, step = :step, rejection = :rejection, copy_id = :copyId,
                    points_charged = :pointsCharged, release_pending = :releasePending, refund_pending = :refundPending,
                    deadline = :deadline, attempts = :attempts, due_at = :dueAt, overdue = :overdue,
                    returned_at = :returnedAt, updated_at = now()
                WHERE rental_id = :rentalId""")
                .paramSource(params(rental))
                .update();
    }

    Optional<Rental> find(UUID rentalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rental WHERE rental_id = :id").param("id", rentalId)
                .query(Rentals::rental).optional();
    }

    /** The rental, locked until the transaction ends: one reply, deadline or request changes it at a time. */
    Optional<Rental> lock(UUID rentalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rental WHERE rental_id = :id FOR UPDATE").param("id", rentalId)
                .query(Rentals::rental).optional();
    }

    /** Sagas whose deadline has passed, locked; rows another instance is handling are skipped. */
    List<Rental> lockPastDeadline(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rental WHERE step <> 'DONE' AND deadline <= :now"
                        + " ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(Rentals::rental).list();
    }

    /** Loans out past their due date not yet marked overdue, locked; rows another instance is handling are skipped. */
    List<Rental> lockNewlyOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rental WHERE status = 'RENTED' AND NOT overdue AND due_at < :now"
                        + " ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(Rentals::rental).list();
    }

    private static MapSqlParameterSource params(Rental r) {
        return new MapSqlParameterSource()
                .addValue("rentalId", r.rentalId())
                .addValue("memberId", r.memberId())
                .addValue("bookId", r.bookId())
                .addValue("status", r.status().name())
                .addValue("step", r.step().name())
                .addValue("rejection", r.rejection() == null ? null : r.rejection().name())
                .addValue("copyId", r.copyId())
                .addValue("pointsCharged", r.pointsCharged())
                .addValue("releasePending", r.releasePending())
                .addValue("refundPending", r.refundPending())
                .addValue("deadline", timestamp(r.deadline()))
                .addValue("attempts", r.attempts())
                .addValue("dueAt", timestamp(r.dueAt()))
                .addValue("overdue", r.overdue())
                .addValue("returnedAt", timestamp(r.returnedAt()))
                .addValue("requestedAt", timestamp(r.requestedAt()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Rental rental(ResultSet rs, int row) throws SQLException {
        String rejection = rs.getString("rejection");
        return new Rental(rs.getObject("rental_id", UUID.class), rs.getString("member_id"), rs.getLong("book_id"),
                Rental.Status.valueOf(rs.getString("status")), Rental.Step.valueOf(rs.getString("step")),
                rejection == null ? null : RejectionReason.valueOf(rejection),
                rs.getObject("copy_id", Long.class), rs.getObject("points_charged", Integer.class),
                rs.getBoolean("release_pending"), rs.getBoolean("refund_pending"), instant(rs, "deadline"),
                rs.getInt("attempts"), instant(rs, "due_at"), rs.getBoolean("overdue"), instant(rs, "returned_at"),
                instant(rs, "requested_at"));
    }
}
