package dev.bookrental.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Who is calling. Until the auth service exists (issue 5) the member id comes from the
 * {@code X-User-Id} header set by tests and local scripts; issue 5 replaces it with the subject of
 * a verified JWT in every service. Never expose this stand-in publicly.
 */
public final class CallerId {

    public static final String HEADER = "X-User-Id";
    /** How the OpenAPI spec explains the header to someone trying the API. */
    public static final String DESCRIPTION = "Stand-in for the signed-in member's account id until sign-in exists (issue 5)";

    private CallerId() {
    }

    public static String require(String header) {
        if (header == null || header.isBlank() || header.length() > 64) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in first: this is about your own data.");
            problem.setType(ProblemTypes.of("unauthenticated"));
            problem.setTitle("Unauthenticated");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return header.strip();
    }
}
