package dev.bookrental.member.points;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** A top-up would take the balance above its limit: a 422 problem, nothing stored. */
class BalanceLimitExceededException extends ProblemException {

    BalanceLimitExceededException(int limit) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "balance-limit-exceeded", "Balance limit exceeded",
                "A balance cannot exceed " + limit + " points.", Map.of("limit", limit));
    }
}
