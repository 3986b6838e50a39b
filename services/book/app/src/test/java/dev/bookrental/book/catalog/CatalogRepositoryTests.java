package dev.bookrental.book.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.platform.testsupport.MigratedPostgres;

/** The catalog queries against a real PostgreSQL, migrated and seeded by the service's own Flyway scripts. */
class CatalogRepositoryTests {

    private static final int SEEDED_BOOKS = 41;

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
    void seedsFortyOneBooks() {
        BookPage all = catalog.search(null, 0, 100);

        assertThat(all.totalElements()).isEqualTo(SEEDED_BOOKS);
        assertThat(all.content()).hasSize(SEEDED_BOOKS);
    }

    @Test
    void seedHasOnlyValidIsbn13CheckDigits() {
        List<String> isbns = jdbc.sql("SELECT isbn FROM book").query(String.class).list();

        assertThat(isbns).hasSize(SEEDED_BOOKS).doesNotHaveDuplicates()
                .allSatisfy(isbn -> assertThat(isValidIsbn13(isbn)).as("ISBN-13 check digit of %s", isbn).isTrue());
    }

    @Test
    void findsBooksByTitleFragment() {
        BookPage page = catalog.search("Gatsby", 0, 20);

        assertThat(page.content()).extracting(Book::title).containsExactly("The Great Gatsby");
        assertThat(page.totalElements()).isEqualTo(1);
    }

    @Test
    void findsBooksByAuthor() {
        BookPage page = catalog.search("Tolkien", 0, 20);

        assertThat(page.content()).extracting(Book::title).containsExactly("The Hobbit", "The Lord of the Rings");
    }

    @Test
    void findsBooksByAnyOfSeveralAuthors() {
        BookPage page = catalog.search("Vlissides", 0, 20);

        assertThat(page.content()).singleElement().satisfies(book -> {
            assertThat(book.title()).isEqualTo("Design Patterns");
            assertThat(book.authors()).containsExactly("Erich Gamma", "Richard Helm", "Ralph Johnson", "John Vlissides");
        });
    }

    @Test
    void findsBookByIsbnWithOrWithoutHyphens() {
        assertThat(catalog.search("9780134685991", 0, 20).content()).extracting(Book::title).containsExactly("Effective Java");
        assertThat(catalog.search("978-0-13-468599-1", 0, 20).content()).extracting(Book::title).containsExactly("Effective Java");
    }

    @Test
    void searchIgnoresCase() {
        assertThat(catalog.search("hOBBIT", 0, 20).content()).extracting(Book::title).containsExactly("The Hobbit");
        assertThat(catalog.search("george orwell", 0, 20).content()).extracting(Book::title).containsExactly("1984");
    }

    @Test
    void searchIgnoresSurroundingWhitespace() {
        assertThat(catalog.search("  Dune  ", 0, 20).content()).extracting(Book::title).containsExactly("Dune");
    }

    @Test
    void treatsPercentInQueryLiterally() {
        BookPage page = catalog.search("%", 0, 100);

        assertThat(page.totalElements()).isZero();
        assertThat(page.content()).isEmpty();
    }

    @Test
    void treatsUnderscoreInQueryLiterally() {
        // "_obbit" would match "Hobbit" if '_' were a wildcard
        assertThat(catalog.search("_obbit", 0, 100).content()).isEmpty();
        assertThat(catalog.search("_", 0, 100).totalElements()).isZero();
    }

    @Test
    void treatsBackslashInQueryLiterally() {
        // unescaped, the backslash would escape the 'H' and the query would match "The Hobbit"
        assertThat(catalog.search("\\Hobbit", 0, 100).content()).isEmpty();
        assertThat(catalog.search("\\", 0, 100).totalElements()).isZero();
    }

    @Test
    void findsNothingForUnknownText() {
        BookPage page = catalog.search("no such book anywhere", 0, 20);

        assertThat(page.content()).isEmpty();
        assertThat(page.totalElements()).isZero();
        assertThat(page.totalPages()).isZero();
    }

    @Test
    void blankQueryMatchesEveryBook() {
        assertThat(catalog.search("   ", 0, 100).totalElements()).isEqualTo(SEEDED_BOOKS);
    }

    @Test
    void pagesThroughTheCatalog() {
        BookPage first = catalog.search(null, 0, 10);
        BookPage last = catalog.search(null, 4, 10);
        BookPage beyond = catalog.search(null, 5, 10);

        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(10);
        assertThat(first.content()).hasSize(10);
        assertThat(first.totalElements()).isEqualTo(SEEDED_BOOKS);
        assertThat(first.totalPages()).isEqualTo(5);
        assertThat(last.page()).isEqualTo(4);
        assertThat(last.content()).hasSize(1);
        assertThat(beyond.content()).isEmpty();
        assertThat(beyond.totalElements()).isEqualTo(SEEDED_BOOKS);
    }

    @Test
    void pagesAreDisjointAndTogetherHoldEveryBook() {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            catalog.search(null, page, 10).content().forEach(book -> ids.add(book.id()));
        }

        assertThat(ids).hasSize(SEEDED_BOOKS).doesNotHaveDuplicates()
                .containsExactlyElementsOf(catalog.search(null, 0, 100).content().stream().map(Book::id).toList());
    }

    @Test
    void pagesAMatchingSubset() {
        BookPage second = catalog.search("Steinbeck", 1, 1);

        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(1);
        assertThat(second.totalElements()).isEqualTo(2);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(second.content()).extracting(Book::title).containsExactly("The Grapes of Wrath");
    }

    @Test
    void doesNotSearchPublishers() {
        assertThat(catalog.search("Penguin", 0, 20).totalElements()).isZero();
    }

    @Test
    void ordersByTitle() {
        assertThat(catalog.search("Dostoevsky", 0, 20).content()).extracting(Book::title)
                .containsExactly("Crime and Punishment", "The Brothers Karamazov");
        assertThat(catalog.search("Martin", 0, 20).content()).extracting(Book::title)
                .containsExactly("Clean Code", "Designing Data-Intensive Applications",
                        "Patterns of Enterprise Application Architecture", "Refactoring");
        assertThat(catalog.search(null, 0, 3).content()).extracting(Book::title)
                .containsExactly("1984", "A Brief History of Time", "Brave New World");
    }

    @Test
    void findsBookById() {
        long id = jdbc.sql("SELECT id FROM book WHERE isbn = '9780441172719'").query(Long.class).single();

        assertThat(catalog.findById(id)).hasValueSatisfying(book -> {
            assertThat(book.id()).isEqualTo(id);
            assertThat(book.isbn()).isEqualTo("9780441172719");
            assertThat(book.title()).isEqualTo("Dune");
            assertThat(book.authors()).containsExactly("Frank Herbert");
            assertThat(book.publisher()).isEqualTo("Ace");
            assertThat(book.publishedYear()).isEqualTo(1965);
        });
    }

    @Test
    void keepsYearsBeforeTheCommonEra() {
        assertThat(catalog.search("The Iliad", 0, 20).content()).singleElement()
                .extracting(Book::publishedYear).isEqualTo(-750);
    }

    @Test
    void findsNoBookForUnknownId() {
        long max = jdbc.sql("SELECT max(id) FROM book").query(Long.class).single();

        assertThat(catalog.findById(max + 1)).isEmpty();
        assertThat(catalog.findById(0)).isEmpty();
    }

    private static boolean isValidIsbn13(String isbn) {
        if (isbn == null || !isbn.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == isbn.charAt(12) - '0';
    }
}
