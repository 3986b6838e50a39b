package dev.bookrental.book.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.platform.testsupport.MigratedPostgres;

/**
 * Adding titles against a real PostgreSQL, migrated and seeded by the service's own Flyway scripts.
 * A database of its own, so that {@link CatalogRepositoryTests} keeps counting only the seed.
 */
class CatalogWritesTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration");

    private static JdbcClient jdbc;
    private static CatalogRepository catalog;

    @BeforeAll
    static void useDatabase() {
        jdbc = database.jdbc();
        catalog = new CatalogRepository(jdbc);
    }

    @Test
    void insertStoresTheNormalizedIsbnAndReturnsTheBook() {
        AddBookRequest neuromancer = new AddBookRequest("0-441-56959-5", "  Neuromancer ", List.of(" William Gibson "),
                " Ace ", 1984);

        var inserted = catalog.insert(Isbn.parse(neuromancer.isbn()), neuromancer);

        assertThat(inserted).hasValueSatisfying(book -> {
            assertThat(book.id()).isPositive();
            assertThat(book.isbn()).isEqualTo("9780441569595");
            assertThat(book.title()).isEqualTo("Neuromancer");
            assertThat(book.authors()).containsExactly("William Gibson");
            assertThat(book.publisher()).isEqualTo("Ace");
            assertThat(book.publishedYear()).isEqualTo(1984);
        });
        assertThat(jdbc.sql("SELECT isbn FROM book WHERE title = 'Neuromancer'").query(String.class).list())
                .containsExactly("9780441569595");
        assertThat(catalog.findById(inserted.orElseThrow().id())).isEqualTo(inserted);
    }

    @Test
    void insertKeepsAMissingPublisherAndYearEmpty() {
        AddBookRequest request = new AddBookRequest("9780306406157", "Anonymous Pamphlet", List.of("Anonymous"), null, null);

        assertThat(catalog.insert(Isbn.parse(request.isbn()), request)).hasValueSatisfying(book -> {
            assertThat(book.publisher()).isNull();
            assertThat(book.publishedYear()).isNull();
        });
    }

    @Test
    void secondInsertOfTheSameIsbnReturnsEmptyAndStoresNothing() {
        AddBookRequest first = new AddBookRequest("978-1-4028-9462-6", "First Title", List.of("First Author"), null, 2001);
        AddBookRequest second = new AddBookRequest("9781402894626", "Second Title", List.of("Second Author"), "Other", 2002);
        long before = countBooks();
        catalog.insert(Isbn.parse(first.isbn()), first);

        assertThat(catalog.insert(Isbn.parse(second.isbn()), second)).isEmpty();

        assertThat(countBooks()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT title FROM book WHERE isbn = '9781402894626'").query(String.class).list())
                .containsExactly("First Title");
    }

    @Test
    void insertOfAnIsbnFromTheSeedReturnsEmptyAndStoresNothing() {
        // Dune is seeded as 9780441172719; its ISBN-10 normalizes to the same ISBN-13
        AddBookRequest dune = new AddBookRequest("0-441-17271-7", "Dune (again)", List.of("Frank Herbert"), "Ace", 1965);
        long before = countBooks();

        assertThat(catalog.insert(Isbn.parse(dune.isbn()), dune)).isEmpty();

        assertThat(countBooks()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT title FROM book WHERE isbn = '9780441172719'").query(String.class).single())
                .isEqualTo("Dune");
    }

    private static long countBooks() {
        return jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
    }
}
