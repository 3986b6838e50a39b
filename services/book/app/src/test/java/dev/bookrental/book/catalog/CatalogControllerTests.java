package dev.bookrental.book.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.book.access.BookAccess;
import dev.bookrental.platform.web.ProblemDetailsAdvice;

/** The catalog's HTTP contract: status codes, problem details and the parameters it accepts. */
@WebMvcTest(value = CatalogController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml", // instead of application.yml and its config-server import
        "catalog.default-page-size=7"})
@EnableConfigurationProperties(CatalogProperties.class)
@Import({ProblemDetailsAdvice.class, BookAccess.class}) // anyone reads the catalog: no token in these requests
class CatalogControllerTests {

    private static final Book DUNE = new Book(39, "9780441172719", "Dune", List.of("Frank Herbert"), "Ace", 1965);

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CatalogRepository catalog;

    @Test
    void answersBookById() {
        given(catalog.findById(39)).willReturn(Optional.of(DUNE));

        MvcTestResult result = mvc.get().uri("/api/books/39").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Dune");
        assertThat(result).bodyJson().extractingPath("$.isbn").isEqualTo("9780441172719");
    }

    @Test
    void answersUnknownIdWithBookNotFoundProblem() {
        given(catalog.findById(4242)).willReturn(Optional.empty());

        MvcTestResult result = mvc.get().uri("/api/books/4242").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:book-not-found");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
        assertThat(result).bodyJson().extractingPath("$.bookId").isEqualTo(4242);
    }

    @Test
    void rejectsIdThatIsNotANumber() {
        MvcTestResult result = mvc.get().uri("/api/books/abc").exchange();

        assertInvalidParameter(result, "id");
        verify(catalog, never()).findById(anyLong());
    }

    @Test
    void rejectsIdThatIsNotPositive() {
        MvcTestResult result = mvc.get().uri("/api/books/0").exchange();

        assertInvalidParameter(result, "id");
        verify(catalog, never()).findById(anyLong());
    }

    @Test
    void rejectsNegativePage() {
        assertInvalidParameter(mvc.get().uri("/api/books").param("page", "-1").exchange(), "page");
    }

    @Test
    void rejectsPageThatIsNotANumber() {
        assertInvalidParameter(mvc.get().uri("/api/books").param("page", "first").exchange(), "page");
    }

    @Test
    void rejectsPageSizeZero() {
        assertInvalidParameter(mvc.get().uri("/api/books").param("size", "0").exchange(), "size");
    }

    @Test
    void rejectsPageSizeAboveLimit() {
        assertInvalidParameter(mvc.get().uri("/api/books").param("size", "101").exchange(), "size");
        verify(catalog, never()).search(any(), anyInt(), anyInt());
    }

    @Test
    void acceptsPageSizeAtLimit() {
        given(catalog.search(null, 0, 100)).willReturn(new BookPage(List.of(DUNE), 0, 100, 1, 1));

        MvcTestResult result = mvc.get().uri("/api/books").param("size", "100").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.size").isEqualTo(100);
    }

    @Test
    void rejectsQueryLongerThan200Characters() {
        assertInvalidParameter(mvc.get().uri("/api/books").param("q", "x".repeat(201)).exchange(), "q");
        verify(catalog, never()).search(any(), anyInt(), anyInt());
    }

    @Test
    void acceptsQueryOf200Characters() {
        String q = "x".repeat(200);
        given(catalog.search(q, 0, 7)).willReturn(new BookPage(List.of(), 0, 7, 0, 0));

        assertThat(mvc.get().uri("/api/books").param("q", q).exchange()).hasStatusOk();
    }

    @Test
    void takesDefaultPageSizeFromCatalogProperties() {
        answerWithThePageAskedFor();

        MvcTestResult result = mvc.get().uri("/api/books").param("q", "Dune").exchange();

        verify(catalog).search("Dune", 0, 7);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.size").isEqualTo(7);
        assertThat(result).bodyJson().extractingPath("$.content[0].title").isEqualTo("Dune");
    }

    @Test
    void passesPageAndSizeToTheCatalog() {
        answerWithThePageAskedFor();

        MvcTestResult result = mvc.get().uri("/api/books").param("page", "3").param("size", "5").exchange();

        verify(catalog).search(null, 3, 5);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.page").isEqualTo(3);
        assertThat(result).bodyJson().extractingPath("$.size").isEqualTo(5);
    }

    /** The mocked catalog answers every search with one book, on the page and of the size asked for. */
    private void answerWithThePageAskedFor() {
        given(catalog.search(any(), anyInt(), anyInt())).willAnswer(call ->
                new BookPage(List.of(DUNE), call.getArgument(1, Integer.class), call.getArgument(2, Integer.class), 1, 1));
    }

    private static void assertInvalidParameter(MvcTestResult result, String parameter) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-parameter");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
        assertThat(result).bodyJson().extractingPath("$.errors[*].name").asArray().containsExactly(parameter);
    }
}
