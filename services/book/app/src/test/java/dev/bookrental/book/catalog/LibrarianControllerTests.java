package dev.bookrental.book.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.bookrental.book.access.BookAccess;
import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;

/** The librarian's write API: who may call it, and every way its input can be wrong. */
@WebMvcTest(value = LibrarianController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml"})
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, BookAccess.class})
class LibrarianControllerTests {

    private static final RequestPostProcessor LIBRARIAN = Callers.librarian();

    private static final String DUNE = """
            {"isbn":"978-0-441-17271-9","title":"Dune","authors":["Frank Herbert"],"publisher":"Ace","publishedYear":1965}""";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CatalogService catalog;

    @Test
    void librarianAddsABook() {
        given(catalog.add(any())).willReturn(new Book(42, "9780441172719", "Dune", List.of("Frank Herbert"), "Ace", 1965));

        MvcTestResult result = post(DUNE, LIBRARIAN);

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/books/42");
        assertThat(result).bodyJson().extractingPath("$.isbn").isEqualTo("9780441172719");
    }

    @Test
    void rejectsATokenWithoutTheLibrarianRole() {
        MvcTestResult result = post(DUNE, Callers.member("member-1"));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).contains("insufficient_scope");
        verify(catalog, never()).add(any());
    }

    @Test
    void rejectsACallerWithoutTokenAsUnauthenticated() {
        MvcTestResult result = post(DUNE, null);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/books");
        verify(catalog, never()).add(any());
    }

    @Test
    void rejectsInvalidIsbnNamingTheField() {
        assertInvalidField(post(DUNE.replace("978-0-441-17271-9", "978-0-441-17271-8"), LIBRARIAN), "isbn");
    }

    @Test
    void rejectsMissingAndOversizedFields() {
        assertInvalidField(post(DUNE.replace("\"title\":\"Dune\",", ""), LIBRARIAN), "title");
        assertInvalidField(post(DUNE.replace("\"Dune\"", "\"" + "D".repeat(301) + "\""), LIBRARIAN), "title");
        assertInvalidField(post(DUNE.replace("[\"Frank Herbert\"]", "[]"), LIBRARIAN), "authors");
        assertInvalidField(post(DUNE.replace("1965", "99999"), LIBRARIAN), "publishedYear");
    }

    @Test
    void rejectsWrongJsonTypeNamingTheField() {
        assertInvalidField(post(DUNE.replace("1965", "\"nineteen\""), LIBRARIAN), "publishedYear");
        assertInvalidField(post(DUNE.replace("[\"Frank Herbert\"]", "{\"name\":1}"), LIBRARIAN), "authors");
    }

    @Test
    void rejectsUnknownFieldNamingIt() {
        assertInvalidField(post(DUNE.replace("{", "{\"price\":12,"), LIBRARIAN), "price");
    }

    @Test
    void rejectsBodyThatIsNotJson() {
        MvcTestResult result = post("{not json", LIBRARIAN);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-body");
        verify(catalog, never()).add(any());
    }

    /** @param caller the signed-in caller, null for none */
    private MvcTestResult post(String json, RequestPostProcessor caller) {
        var request = mvc.post().uri("/api/books").contentType(MediaType.APPLICATION_JSON).content(json);
        return (caller == null ? request : request.with(caller)).exchange();
    }

    private void assertInvalidField(MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-body");
        assertThat(result).bodyJson().extractingPath("$.errors[0].name").isEqualTo(field);
        verify(catalog, never()).add(any());
    }
}
