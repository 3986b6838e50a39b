package dev.bookrental.book.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the catalog from the book service's own database. */
@Repository
class CatalogRepository {

    private static final String COLUMNS = "id, isbn, title, authors, publisher, published_year";
    private static final String MATCHES = """
            (CAST(:pattern AS TEXT) IS NULL
             OR title ILIKE :pattern ESCAPE '\\'
             OR array_to_string(authors, ' ') ILIKE :pattern ESCAPE '\\'
             OR isbn = :isbn)""";

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a title; empty when its ISBN is already in the catalog. */
    Optional<Book> insert(Isbn isbn, AddBookRequest request) {
        return jdbc.sql("""
                        INSERT INTO book (isbn, title, authors, publisher, published_year)
                        VALUES (:isbn, :title, :authors, :publisher, :year)
                        ON CONFLICT (isbn) DO NOTHING
                        """ + "RETURNING " + COLUMNS)
                .param("isbn", isbn.value())
                .param("title", request.title().strip())
                .param("authors", request.authors().stream().map(String::strip).toArray(String[]::new))
                .param("publisher", request.publisher() == null ? null : request.publisher().strip())
                .param("year", request.publishedYear())
                .query(CatalogRepository::book)
                .optional();
    }

    Optional<Book> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM book WHERE id = :id")
                .param("id", id)
                .query(CatalogRepository::book)
                .optional();
    }

    BookPage search(String query, int page, int size) {
        String pattern = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
        String isbn = query == null ? null : query.replace("-", "").strip();
        long total = jdbc.sql("SELECT count(*) FROM book WHERE " + MATCHES)
                .param("pattern", pattern)
                .param("isbn", isbn)
                .query(Long.class)
                .single();
        List<Book> content = jdbc.sql("SELECT " + COLUMNS + " FROM book WHERE " + MATCHES
                        + " ORDER BY title, id LIMIT :limit OFFSET :offset")
                .param("pattern", pattern)
                .param("isbn", isbn)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(CatalogRepository::book)
                .list();
        return BookPage.of(content, page, size, total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Book book(ResultSet rs, int row) throws SQLException {
        Array authors = rs.getArray("authors");
        int year = rs.getInt("published_year");
        return new Book(rs.getLong("id"), rs.getString("isbn"), rs.getString("title"),
                Arrays.asList((String[]) authors.getArray()), rs.getString("publisher"),
                rs.wasNull() ? null : year);
    }
}
