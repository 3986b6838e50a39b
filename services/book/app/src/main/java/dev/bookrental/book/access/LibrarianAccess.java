package dev.bookrental.book.access;

import java.util.Arrays;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.bookrental.platform.web.ProblemTypes;

/**
 * The librarian check of the catalog's write API. Until the auth service exists (issue 5) the
 * caller's roles come from the {@code X-User-Roles} header set by tests and local scripts; issue 5
 * replaces this with the roles claim of a verified JWT. Never expose this stand-in publicly.
 */
public final class LibrarianAccess {

    public static final String ROLES_HEADER = "X-User-Roles";
    /** How the OpenAPI spec explains the header to someone trying the API. */
    public static final String ROLES_DESCRIPTION = "Stand-in for the caller's roles until sign-in exists (issue 5): "
            + "comma-separated, LIBRARIAN may change the catalog";

    private LibrarianAccess() {
    }

    public static void require(String rolesHeader) {
        boolean librarian = rolesHeader != null
                && Arrays.stream(rolesHeader.split(",")).map(String::strip).anyMatch("LIBRARIAN"::equals);
        if (!librarian) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Only a librarian may change the catalog.");
            problem.setType(ProblemTypes.of("forbidden"));
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}
