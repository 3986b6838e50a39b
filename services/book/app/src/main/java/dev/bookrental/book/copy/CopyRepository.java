package dev.bookrental.book.copy;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Copies in the book service's own database. */
@Repository
class CopyRepository {

    private final JdbcClient jdbc;

    CopyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean bookExists(long bookId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM book WHERE id = :id)").param("id", bookId).query(Boolean.class).single();
    }

    Copy insertAvailable(long bookId) {
        return jdbc.sql("INSERT INTO copy (book_id) VALUES (:bookId) RETURNING id, book_id, status")
                .param("bookId", bookId)
                .query((rs, row) -> new Copy(rs.getLong("id"), rs.getLong("book_id"), Copy.Status.valueOf(rs.getString("status"))))
                .single();
    }

    List<Copy> findByBook(long bookId) {
        return jdbc.sql("SELECT id, book_id, status FROM copy WHERE book_id = :bookId ORDER BY id")
                .param("bookId", bookId)
                .query((rs, row) -> new Copy(rs.getLong("id"), rs.getLong("book_id"), Copy.Status.valueOf(rs.getString("status"))))
                .list();
    }
}
