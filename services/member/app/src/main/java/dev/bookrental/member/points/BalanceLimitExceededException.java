package dev.bookrental.member.points;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.bookrental.platform.web.ProblemTypes;

/** A top-up would take the balance above its limit: a 422 problem, nothing stored. */
class BalanceLimitExceededException extends ErrorResponseException {

    BalanceLimitExceededException(int limit) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(limit), null);
    }

    private static ProblemDetail problem(int limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "A balance cannot exceed " + limit + " points.");
        problem.setType(ProblemTypes.of("balance-limit-exceeded"));
        problem.setTitle("Balance limit exceeded");
        problem.setProperty("limit", limit);
        return problem;
    }
}
