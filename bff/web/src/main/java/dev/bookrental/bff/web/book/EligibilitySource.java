package dev.bookrental.bff.web.book;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Rental's part of a book's detail, through the gateway (group {@value BookDetailCalls#RENTAL}):
 * whether the caller may rent it now. The caller's token is passed explicitly (see
 * {@link SessionAccessToken}), so the call can run on another thread than the request's.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface EligibilitySource {

    @GetExchange("/api/rental-card/eligibility")
    Verdict eligibility(@RequestHeader(HttpHeaders.AUTHORIZATION) String bearerToken, @RequestParam long bookId);

    /** @param reasons rental's reasons against renting now (CARD_SUSPENDED, NO_COPY_AVAILABLE, ...) */
    record Verdict(boolean eligible, List<String> reasons) {
    }
}
