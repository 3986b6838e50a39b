package dev.bookrental.query.projection;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.bookrental.book.api.BookEvent;
import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.book.api.BookEvent.CopyAdded;
import dev.bookrental.member.api.MemberEvent;
import dev.bookrental.member.api.MemberEvent.LateFeeOutstanding;
import dev.bookrental.member.api.MemberEvent.LateFeePaid;
import dev.bookrental.member.api.MemberEvent.MemberRegistered;
import dev.bookrental.member.api.MemberEvent.PointsToppedUp;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.LateFeeUnpaid;
import dev.bookrental.rental.api.RentalEvent.LoanOverdue;
import dev.bookrental.rental.api.RentalEvent.RentRejected;
import dev.bookrental.rental.api.RentalEvent.RentRequested;

/**
 * Projection (CQRS read side): how each fact of book, member and rental changes the views of one
 * generation. A {@code switch} over each sealed event family, so a new event is a compile error
 * here until it is decided what it changes.
 *
 * <p>The facts of one topic and key arrive in order (a member's rental events, a book's events),
 * but the topics race each other. Every change is written so that the views converge whatever the
 * order across topics: a book's row is created by its first fact, rental or title; points are a sum
 * of movements, not the last balance seen. Called inside the idempotent consumer's transaction, so
 * each change commits with the id of its message, once.
 */
@Component
public class Projector {

    private final JdbcClient jdbc;

    public Projector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(int generation, BookEvent event) {
        switch (event) {
            case BookAdded added -> jdbc.sql("""
                            INSERT INTO book_view (generation, book_id, title) VALUES (:generation, :book, :title)
                            ON CONFLICT (generation, book_id) DO UPDATE SET title = EXCLUDED.title""")
                    .param("generation", generation).param("book", added.bookId()).param("title", added.title())
                    .update();
            case CopyAdded ignored -> {
                // copies are the catalog's business: neither view shows them
            }
        }
    }

    public void apply(int generation, MemberEvent event) {
        switch (event) {
            case MemberRegistered registered -> movePoints(generation, registered.memberId(), registered.points(), true);
            case PointsToppedUp toppedUp -> movePoints(generation, toppedUp.memberId(), toppedUp.amount(), false);
            case LateFeePaid paid -> movePoints(generation, paid.memberId(), -paid.fee(), false);
            case LateFeeOutstanding ignored -> {
                // nothing charged; the card stays suspended by rental's own fee (BookReturned)
            }
        }
    }

    public void apply(int generation, RentalEvent event) {
        switch (event) {
            case BookRented rented -> {
                jdbc.sql("""
                                INSERT INTO loan_view (generation, rental_id, member_id, book_id, copy_id, due_at)
                                VALUES (:generation, :rental, :member, :book, :copy, :due)
                                ON CONFLICT (generation, rental_id) DO NOTHING""")
                        .param("generation", generation).param("rental", rented.rentalId()).param("member", rented.memberId())
                        .param("book", rented.bookId()).param("copy", rented.copyId()).param("due", Timestamp.from(rented.dueAt()))
                        .update();
                jdbc.sql("""
                                INSERT INTO book_view (generation, book_id, rentals) VALUES (:generation, :book, 1)
                                ON CONFLICT (generation, book_id) DO UPDATE SET rentals = book_view.rentals + 1""")
                        .param("generation", generation).param("book", rented.bookId())
                        .update();
                movePoints(generation, rented.memberId(), -rented.pointsCharged(), false);
            }
            case LoanOverdue overdue -> jdbc.sql("""
                            UPDATE loan_view SET overdue = true WHERE generation = :generation AND rental_id = :rental""")
                    .param("generation", generation).param("rental", overdue.rentalId())
                    .update();
            case BookReturned returned -> {
                jdbc.sql("DELETE FROM loan_view WHERE generation = :generation AND rental_id = :rental")
                        .param("generation", generation).param("rental", returned.rentalId())
                        .update();
                if (returned.lateFee() > 0) {
                    jdbc.sql("""
                                    INSERT INTO fee_view (generation, rental_id, member_id, amount)
                                    VALUES (:generation, :rental, :member, :amount)
                                    ON CONFLICT (generation, rental_id) DO NOTHING""")
                            .param("generation", generation).param("rental", returned.rentalId())
                            .param("member", returned.memberId()).param("amount", returned.lateFee())
                            .update();
                }
            }
            case LateFeeSettled settled -> jdbc.sql("DELETE FROM fee_view WHERE generation = :generation AND rental_id = :rental")
                    .param("generation", generation).param("rental", settled.rentalId())
                    .update();
            case RentRequested ignored -> {
                // a saga under way: the dashboard shows loans, not requests
            }
            case RentRejected ignored -> {
                // no loan, nothing charged (what was charged has been refunded)
            }
            case LateFeeUnpaid ignored -> {
                // the fee stays owed, as it already is since BookReturned
            }
        }
    }

    private void movePoints(int generation, String memberId, int amount, boolean registration) {
        jdbc.sql("""
                        INSERT INTO member_view (generation, member_id, registered, points)
                        VALUES (:generation, :member, :registered, :amount)
                        ON CONFLICT (generation, member_id) DO UPDATE
                        SET points = member_view.points + EXCLUDED.points,
                            registered = member_view.registered OR EXCLUDED.registered""")
                .param("generation", generation).param("member", memberId)
                .param("registered", registration).param("amount", amount)
                .update();
    }
}
