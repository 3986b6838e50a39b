package dev.bookrental.query.ranking;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The best-book ranking, read from the active generation's {@code book_view}: the most rented
 * first; books rented equally often by title (A before B; a title not yet known last), then by id.
 */
@Repository
public class BestBooks {

    private final JdbcClient jdbc;

    public BestBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param rank    1 for the most rented; consecutive, also across ties
     * @param title   null while the book's {@code BookAdded} has not been applied (another topic)
     * @param rentals loans of the book so far ({@code BookRented} events)
     */
    public record RankedBook(int rank, long bookId, String title, int rentals) {
    }

    /**
     * Where one book stands in the ranking, for a page that shows a single book (bff-web's book
     * detail): the same order as {@link #top}, so a book's rank here is its row there.
     *
     * @return empty while the book has never been rented (not ranked), or is unknown to the read side
     */
    public Optional<RankedBook> rankOf(long bookId) {
        return jdbc.sql("""
                        SELECT book_id, title, rentals, rank FROM (
                            SELECT book_id, title, rentals,
                                   row_number() OVER (ORDER BY rentals DESC, title ASC NULLS LAST, book_id ASC) AS rank
                            FROM book_view
                            WHERE generation = (SELECT generation FROM projection_generation WHERE state = 'ACTIVE')
                              AND rentals > 0) ranking
                        WHERE book_id = :bookId""")
                .param("bookId", bookId)
                .query((rs, row) -> new RankedBook(rs.getInt("rank"), rs.getLong("book_id"), rs.getString("title"),
                        rs.getInt("rentals")))
                .optional();
    }

    /** The {@code limit} most rented books; a book never rented is not ranked. */
    public List<RankedBook> top(int limit) {
        return jdbc.sql("""
                        SELECT book_id, title, rentals,
                               row_number() OVER (ORDER BY rentals DESC, title ASC NULLS LAST, book_id ASC) AS rank
                        FROM book_view
                        WHERE generation = (SELECT generation FROM projection_generation WHERE state = 'ACTIVE')
                          AND rentals > 0
                        ORDER BY rank
                        LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new RankedBook(rs.getInt("rank"), rs.getLong("book_id"), rs.getString("title"),
                        rs.getInt("rentals")))
                .list();
    }
}
