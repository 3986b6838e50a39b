package dev.bookrental.rental.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;
import dev.bookrental.rental.access.RentalAccess;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;
import dev.bookrental.rental.card.RentRefusedException;
import dev.bookrental.rental.remote.UnknownBookException;

/**
 * Rentals over HTTP: what a client sends and gets back, every bad input a problem that names it, and
 * who may: a member, about the rentals of the token's subject only.
 */
@WebMvcTest(value = RentalController.class, properties = "spring.config.location=classpath:/slice-test.yml")
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, RentalAccess.class})
class RentalControllerTests {

    private static final String MEMBER = "member-1";
    private static final UUID RENTAL = UUID.fromString("0b7f6a3e-52a4-4a8e-9a55-1c1f7d1c2f10");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private RentalService rentals;

    @Test
    void aRentIsAcceptedWithTheRentalAndItsLocation() {
        given(rentals.request(MEMBER, 7)).willReturn(Rental.requested(RENTAL, MEMBER, 7, NOW, NOW.plusSeconds(10)));

        MvcTestResult result = post("/api/rentals", "{\"bookId\":7}");

        assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/rentals/" + RENTAL);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
        assertThat(result).bodyJson().extractingPath("$.rentalId").isEqualTo(RENTAL.toString());
    }

    @Test
    void aMissingOrBadBookIdIsABadRequestNamingIt() throws Exception {
        for (String body : new String[] {"{}", "{\"bookId\":0}", "{\"bookId\":-3}", "{\"bookId\":\"seven\"}"}) {
            MvcTestResult result = post("/api/rentals", body);

            assertThat(result).as(body).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getContentAsString()).as(body).contains("bookId");
        }
        verifyNoInteractions(rentals);
    }

    @Test
    void noBodyOrNotJsonIsABadRequest() {
        assertThat(post("/api/rentals", "")).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post("/api/rentals", "{bookId:")).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(rentals);
    }

    @Test
    void anUnknownBookIsNotFound() {
        given(rentals.request(MEMBER, 999)).willThrow(new UnknownBookException(999));

        MvcTestResult result = post("/api/rentals", "{\"bookId\":999}");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:book-not-found");
    }

    @Test
    void aRentTheCardRefusesIsAConflictWithTheReason() {
        given(rentals.request(MEMBER, 7)).willThrow(new RentNotAllowedProblem(
                new RentRefusedException(RentRefusedException.Reason.CARD_SUSPENDED, 7)));

        MvcTestResult result = post("/api/rentals", "{\"bookId\":7}");

        assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:rent-not-allowed");
        assertThat(result).bodyJson().extractingPath("$.reason").isEqualTo("CARD_SUSPENDED");
    }

    @Test
    void showsARejectedRentalWithItsReason() {
        Rental rejected = Rental.requested(RENTAL, MEMBER, 7, NOW, NOW.plusSeconds(10)).rejected(RejectionReason.NO_COPY_AVAILABLE);
        given(rentals.find(MEMBER, RENTAL)).willReturn(rejected);

        MvcTestResult result = mvc.get().uri("/api/rentals/" + RENTAL).with(Callers.member(MEMBER)).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
        assertThat(result).bodyJson().extractingPath("$.rejection").isEqualTo("NO_COPY_AVAILABLE");
    }

    @Test
    void aMalformedRentalIdIsABadRequestNamingIt() throws Exception {
        for (MvcTestResult result : new MvcTestResult[] {
                mvc.get().uri("/api/rentals/not-a-uuid").with(Callers.member(MEMBER)).exchange(),
                mvc.post().uri("/api/rentals/12345/return").with(Callers.member(MEMBER)).exchange()}) {
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getContentAsString()).contains("rentalId");
        }
        verifyNoInteractions(rentals);
    }

    @Test
    void anotherMembersRentalIsNotFoundAndCannotBeReturned() {
        given(rentals.find(MEMBER, RENTAL)).willThrow(new RentalNotFoundProblem(RENTAL));
        given(rentals.returnBook(MEMBER, RENTAL)).willThrow(new RentalNotFoundProblem(RENTAL));

        assertThat(mvc.get().uri("/api/rentals/" + RENTAL).with(Callers.member(MEMBER)).exchange())
                .hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/rentals/" + RENTAL + "/return").with(Callers.member(MEMBER)).exchange())
                .hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aRentalNotOutCannotBeReturned() {
        Rental pending = Rental.requested(RENTAL, MEMBER, 7, NOW, NOW.plusSeconds(10));
        given(rentals.returnBook(MEMBER, RENTAL)).willThrow(new RentalNotOutProblem(pending));

        MvcTestResult result = mvc.post().uri("/api/rentals/" + RENTAL + "/return").with(Callers.member(MEMBER)).exchange();

        assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.rentalStatus").isEqualTo("PENDING");
    }

    @Test
    void theRentalsAskedForAreAlwaysTheTokenSubjects() {
        given(rentals.find("member-2", RENTAL)).willThrow(new RentalNotFoundProblem(RENTAL));

        assertThat(mvc.get().uri("/api/rentals/" + RENTAL).with(Callers.member("member-2")).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        verify(rentals).find("member-2", RENTAL);
        verify(rentals, never()).find(eq(MEMBER), any());
    }

    @Test
    void anAnonymousCallerIsUnauthenticated() {
        MvcTestResult result = mvc.post().uri("/api/rentals").contentType(MediaType.APPLICATION_JSON).content("{\"bookId\":7}").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertThat(mvc.get().uri("/api/rentals/" + RENTAL).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/rentals/" + RENTAL + "/return").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        verifyNoInteractions(rentals);
    }

    @Test
    void aTokenWithoutTheMemberRoleIsForbidden() {
        MvcTestResult result = mvc.post().uri("/api/rentals").with(Callers.librarian())
                .contentType(MediaType.APPLICATION_JSON).content("{\"bookId\":7}").exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        assertThat(mvc.get().uri("/api/rentals/" + RENTAL).with(Callers.withRoles("rental-service", "SERVICE")).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        verifyNoInteractions(rentals);
    }

    private MvcTestResult post(String path, String body) {
        return mvc.post().uri(path).with(Callers.member(MEMBER)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
