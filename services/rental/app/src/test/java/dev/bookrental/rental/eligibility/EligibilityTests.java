package dev.bookrental.rental.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCard.Loan;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.TestProperties;
import dev.bookrental.rental.eligibility.Eligibility.Reason;
import dev.bookrental.rental.remote.BookCatalog;
import dev.bookrental.rental.remote.BookCatalog.BookSummary;
import dev.bookrental.rental.remote.BookCatalog.CopySummary;
import dev.bookrental.rental.remote.MemberAccounts;
import dev.bookrental.rental.remote.MemberAccounts.MemberSummary;
import dev.bookrental.rental.remote.ServiceUnavailableException;
import dev.bookrental.rental.remote.UnknownBookException;

/** The eligibility rules, with the remote services' answers given. */
class EligibilityTests {

    private static final long BOOK = 7;
    private static final Instant DUE = Instant.parse("2026-12-10T00:00:00Z");

    private final RentalCards cards = mock(RentalCards.class);
    private final BookCatalog catalog = mock(BookCatalog.class);
    private final MemberAccounts members = mock(MemberAccounts.class);
    private final Eligibility eligibility = new Eligibility(cards, catalog, members,
            TestProperties.of(2, 0));

    @Test
    void anActiveMemberWithPointsMayRentAnAvailableCopy() {
        given(cards.of("m")).willReturn(RentalCard.open("m"));
        bookWithCopies("AVAILABLE");
        given(members.me()).willReturn(new MemberSummary("m", 10));

        assertThat(eligibility.check("m", BOOK)).isEqualTo(new Eligibility.Verdict(BOOK, "Dune", true, List.of()));
    }

    @Test
    void everyReasonAgainstIsGiven() {
        given(cards.of("m")).willReturn(new RentalCard("m", List.of(),
                List.of(new Loan("r1", BOOK, 1, DUE, true), new Loan("r2", 8, 2, DUE, false)), List.of(), 9));
        bookWithCopies("RENTED", "RESERVED");
        given(members.me()).willReturn(new MemberSummary("m", 9));

        Eligibility.Verdict verdict = eligibility.check("m", BOOK);

        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reasons()).containsExactly(Reason.CARD_SUSPENDED, Reason.LOAN_LIMIT_REACHED,
                Reason.ALREADY_RENTED, Reason.NO_COPY_AVAILABLE, Reason.INSUFFICIENT_POINTS);
    }

    @Test
    void anUnknownBookIsNotFound() {
        given(cards.of("m")).willReturn(RentalCard.open("m"));
        given(catalog.book(BOOK)).willThrow(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "", null, null, null));

        assertThatThrownBy(() -> eligibility.check("m", BOOK)).isInstanceOf(UnknownBookException.class)
                .satisfies(e -> assertThat(((UnknownBookException) e).getStatusCode().value()).isEqualTo(404));
    }

    @Test
    void aCallerWithoutMemberProfileIsNotFound() {
        given(cards.of("m")).willReturn(RentalCard.open("m"));
        bookWithCopies("AVAILABLE");
        given(members.me()).willThrow(HttpClientErrorException.create(HttpStatus.NOT_FOUND, "", null, null, null));

        assertThatThrownBy(() -> eligibility.check("m", BOOK)).isInstanceOf(NotAMemberException.class);
    }

    @Test
    void aServiceWithoutAnswerInTimeIsA503WithRetryAfter() {
        given(cards.of("m")).willReturn(RentalCard.open("m"));
        given(catalog.book(BOOK)).willThrow(new ResourceAccessException("Read timed out"));

        assertThatThrownBy(() -> eligibility.check("m", BOOK)).isInstanceOf(ServiceUnavailableException.class)
                .satisfies(e -> {
                    ServiceUnavailableException unavailable = (ServiceUnavailableException) e;
                    assertThat(unavailable.getStatusCode().value()).isEqualTo(503);
                    assertThat(unavailable.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    assertThat(unavailable.getBody().getProperties()).containsEntry("service", "book");
                });
    }

    @Test
    void noAccessTokenFromTheAuthServiceIsA503NamingAuth() {
        given(cards.of("m")).willReturn(RentalCard.open("m"));
        given(catalog.book(BOOK)).willThrow(new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response")));

        assertThatThrownBy(() -> eligibility.check("m", BOOK)).isInstanceOf(ServiceUnavailableException.class)
                .satisfies(e -> assertThat(((ServiceUnavailableException) e).getBody().getProperties())
                        .containsEntry("service", "auth"));
    }

    private void bookWithCopies(String... statuses) {
        given(catalog.book(BOOK)).willReturn(new BookSummary(BOOK, "Dune"));
        List<CopySummary> copies = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            copies.add(new CopySummary(i + 1, statuses[i]));
        }
        given(catalog.copies(BOOK)).willReturn(copies);
    }
}
