package dev.bookrental.bff.mobile.remote;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;

/** The rental service (group {@code rental}, {@code lb://rental}), called with the caller's own token. */
public interface RentalApi {

    @GetExchange("/api/rental-card")
    Card card(@RequestHeader(HttpHeaders.AUTHORIZATION) String bearerToken);

    /** The caller's rental card, as far as the home screen shows it. */
    record Card(String status, List<Loan> loans, int outstandingFees, int loansLeft) {
    }

    record Loan(String rentalId, long bookId, Instant dueAt, boolean overdue) {
    }
}
