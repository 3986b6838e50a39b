package dev.bookrental.book.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.stream.LongStream;

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
import dev.bookrental.book.copy.Copy.Status;
import dev.bookrental.book.catalog.BookNotFoundException;
import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;

/** Copies of a title over HTTP: who may add them, how many, and for which book. */
@WebMvcTest(value = CopyController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml"}) // instead of application.yml and its config-server import
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, BookAccess.class})
class CopyControllerTests {

    private static final long BOOK = 7;
    private static final RequestPostProcessor LIBRARIAN = Callers.librarian();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CopyService copies;

    @Test
    void librarianAddsTheNumberOfCopiesAsked() {
        given(copies.add(BOOK, 3)).willReturn(available(3));

        MvcTestResult result = post("{\"count\":3}", LIBRARIAN);

        assertThat(result).hasStatus(HttpStatus.CREATED).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$[*].id").asArray().containsExactly(1, 2, 3);
        assertThat(result).bodyJson().extractingPath("$[0].bookId").isEqualTo(7);
        assertThat(result).bodyJson().extractingPath("$[0].status").isEqualTo("AVAILABLE");
        verify(copies).add(BOOK, 3);
    }

    @Test
    void acceptsTheLibrarianRoleAmongOthers() {
        given(copies.add(BOOK, 2)).willReturn(available(2));

        assertThat(post("{\"count\":2}", Callers.withRoles("staff-1", "MEMBER", "LIBRARIAN"))).hasStatus(HttpStatus.CREATED);
        verify(copies).add(BOOK, 2);
    }

    @Test
    void emptyBodyAddsOneCopy() {
        given(copies.add(BOOK, 1)).willReturn(available(1));

        MvcTestResult result = mvc.post().uri("/api/books/{id}/copies", BOOK).with(LIBRARIAN).exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.length()").isEqualTo(1);
        verify(copies).add(BOOK, 1);
    }

    @Test
    void bodyWithoutCountAddsOneCopy() {
        given(copies.add(BOOK, 1)).willReturn(available(1));

        assertThat(post("{}", LIBRARIAN)).hasStatus(HttpStatus.CREATED);
        verify(copies).add(BOOK, 1);
    }

    @Test
    void acceptsFiftyCopiesAtOnce() {
        given(copies.add(BOOK, 50)).willReturn(available(50));

        assertThat(post("{\"count\":50}", LIBRARIAN)).hasStatus(HttpStatus.CREATED);
        verify(copies).add(BOOK, 50);
    }

    @Test
    void rejectsATokenWithoutTheLibrarianRole() {
        for (String[] roles : new String[][] {{"MEMBER"}, {}, {"LIBRARIANS"}, {"SERVICE"}}) {
            MvcTestResult result = post("{\"count\":1}", Callers.withRoles("caller-1", roles));

            assertThat(result).as("roles %s", List.of(roles))
                    .hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        }
        verify(copies, never()).add(anyLong(), anyInt());
    }

    @Test
    void rejectsACallerWithoutTokenAsUnauthenticated() {
        MvcTestResult result = post("{\"count\":1}", null);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        verify(copies, never()).add(anyLong(), anyInt());
    }

    @Test
    void rejectsCountZeroNamingIt() {
        assertInvalidCount(post("{\"count\":0}", LIBRARIAN));
    }

    @Test
    void rejectsCountAboveFiftyNamingIt() {
        assertInvalidCount(post("{\"count\":51}", LIBRARIAN));
    }

    @Test
    void answersUnknownBookWithBookNotFoundProblem() {
        given(copies.add(4242, 1)).willThrow(new BookNotFoundException(4242));

        MvcTestResult result = post("{\"count\":1}", LIBRARIAN, 4242);

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:book-not-found");
        assertThat(result).bodyJson().extractingPath("$.bookId").isEqualTo(4242);
    }

    @Test
    void anyoneListsTheCopiesOfABook() {
        given(copies.of(BOOK)).willReturn(List.of(new Copy(1, BOOK, Status.AVAILABLE), new Copy(2, BOOK, Status.RENTED)));

        MvcTestResult result = mvc.get().uri("/api/books/{id}/copies", BOOK).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$[*].status").asArray().containsExactly("AVAILABLE", "RENTED");
    }

    @Test
    void listingCopiesOfAnUnknownBookIsBookNotFound() {
        given(copies.of(4242)).willThrow(new BookNotFoundException(4242));

        MvcTestResult result = mvc.get().uri("/api/books/4242/copies").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:book-not-found");
    }

    private MvcTestResult post(String json, RequestPostProcessor caller) {
        return post(json, caller, BOOK);
    }

    /** @param caller the signed-in caller, null for none */
    private MvcTestResult post(String json, RequestPostProcessor caller, long bookId) {
        var request = mvc.post().uri("/api/books/{id}/copies", bookId).contentType(MediaType.APPLICATION_JSON).content(json);
        return (caller == null ? request : request.with(caller)).exchange();
    }

    private void assertInvalidCount(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-body");
        assertThat(result).bodyJson().extractingPath("$.errors[0].name").isEqualTo("count");
        verify(copies, never()).add(anyLong(), anyInt());
    }

    private static List<Copy> available(int count) {
        return LongStream.rangeClosed(1, count).mapToObj(id -> new Copy(id, BOOK, Status.AVAILABLE)).toList();
    }
}
