package dev.bookrental.query.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Members' dashboards, read from the active generation's views. */
@Repository
public class Dashboards {

    private final JdbcClient jdbc;

    public Dashboards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** As rental's card says it: suspended while a loan is overdue or a late fee is owed. */
    public enum CardStatus { ACTIVE, SUSPENDED }

    /**
     * @param rentals books out now, the first due first
     * @param points  the balance: welcome bonus and top-ups less rents and late fees paid
     */
    public record Dashboard(String memberId, int points, CardStatus cardStatus, int outstandingFees,
            List<CurrentRental> rentals) {
    }

    /** @param title null while the book's {@code BookAdded} has not been applied (another topic) */
    public record CurrentRental(String rentalId, long bookId, String title, Instant dueAt, boolean overdue) {
    }

    /**
     * The member's dashboard; empty when no fact about the member has been applied yet. One
     * read-only transaction at REPEATABLE READ, so the generation and the views are one snapshot
     * even while a rebuild is promoted.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Dashboard> of(String memberId) {
        int generation = jdbc.sql("SELECT generation FROM projection_generation WHERE state = 'ACTIVE'")
                .query(Integer.class).single();
        Optional<Integer> points = jdbc.sql("SELECT points FROM member_view WHERE generation = :generation AND member_id = :member")
                .param("generation", generation).param("member", memberId)
                .query(Integer.class).optional();
        List<CurrentRental> rentals = jdbc.sql("""
                        SELECT l.rental_id, l.book_id, b.title, l.due_at, l.overdue
                        FROM loan_view l
                        LEFT JOIN book_view b ON b.generation = l.generation AND b.book_id = l.book_id
                        WHERE l.generation = :generation AND l.member_id = :member
                        ORDER BY l.due_at, l.rental_id""")
                .param("generation", generation).param("member", memberId)
                .query((rs, row) -> new CurrentRental(rs.getString("rental_id"), rs.getLong("book_id"), rs.getString("title"),
                        rs.getTimestamp("due_at").toInstant(), rs.getBoolean("overdue")))
                .list();
        if (points.isEmpty() && rentals.isEmpty()) {
            return Optional.empty();
        }
        int fees = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM fee_view WHERE generation = :generation AND member_id = :member")
                .param("generation", generation).param("member", memberId)
                .query(Integer.class).single();
        boolean suspended = fees > 0 || rentals.stream().anyMatch(CurrentRental::overdue);
        return Optional.of(new Dashboard(memberId, points.orElse(0), suspended ? CardStatus.SUSPENDED : CardStatus.ACTIVE,
                fees, rentals));
    }
}
