package dev.bookrental.book.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.platform.testsupport.MigratedPostgres;

import dev.bookrental.book.copy.Copy.Status;

/** Copies against a real PostgreSQL, migrated and seeded by the service's own Flyway scripts. */
class CopyRepositoryTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration");

    private static JdbcClient jdbc;
    private static CopyRepository copies;

    @BeforeAll
    static void useDatabase() {
        jdbc = database.jdbc();
        copies = new CopyRepository(jdbc);
    }

    @Test
    void insertAvailableCreatesAnAvailableCopyOfTheBook() {
        long dune = bookId("9780441172719");

        Copy copy = copies.insertAvailable(dune);

        assertThat(copy.id()).isPositive();
        assertThat(copy.bookId()).isEqualTo(dune);
        assertThat(copy.status()).isEqualTo(Status.AVAILABLE);
        assertThat(jdbc.sql("SELECT status FROM copy WHERE id = :id").param("id", copy.id()).query(String.class).single())
                .isEqualTo("AVAILABLE");
    }

    @Test
    void findByBookListsTheCopiesOfThatBookInIdOrder() {
        long hobbit = bookId("9780547928227");
        long gatsby = bookId("9780743273565");
        Copy first = copies.insertAvailable(hobbit);
        copies.insertAvailable(gatsby);
        Copy second = copies.insertAvailable(hobbit);
        Copy third = copies.insertAvailable(hobbit);

        List<Copy> found = copies.findByBook(hobbit);

        assertThat(found).containsExactly(first, second, third);
        assertThat(found).extracting(Copy::id).isSorted();
        assertThat(found).allSatisfy(copy -> assertThat(copy.status()).isEqualTo(Status.AVAILABLE));
    }

    @Test
    void findByBookShowsTheCurrentStatusOfEachCopy() {
        long orwell = bookId("9780451524935");
        Copy rented = copies.insertAvailable(orwell);
        Copy available = copies.insertAvailable(orwell);
        jdbc.sql("UPDATE copy SET status = 'RENTED' WHERE id = :id").param("id", rented.id()).update();

        assertThat(copies.findByBook(orwell))
                .containsExactly(new Copy(rented.id(), orwell, Status.RENTED), available);
    }

    @Test
    void findByBookIsEmptyForABookWithoutCopies() {
        assertThat(copies.findByBook(bookId("9780141439518"))).isEmpty();
    }

    @Test
    void bookExistsForACatalogBookOnly() {
        long max = jdbc.sql("SELECT max(id) FROM book").query(Long.class).single();

        assertThat(copies.bookExists(bookId("9780441172719"))).isTrue();
        assertThat(copies.bookExists(max + 1)).isFalse();
        assertThat(copies.bookExists(0)).isFalse();
    }

    private static long bookId(String isbn) {
        return jdbc.sql("SELECT id FROM book WHERE isbn = :isbn").param("isbn", isbn).query(Long.class).single();
    }
}
