package dev.bookrental.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A domain error a service answers with as an RFC 9457 problem: its status, a stable type in
 * Bookrental's namespace ({@link ProblemTypes#of}), a title, a detail for people and properties
 * for programs. Subclasses name the error, e.g. {@code BookNotFoundException}.
 */
public class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String typeSlug, String title, String detail,
            Map<String, Object> properties) {
        this(status, typeSlug, title, detail, properties, null);
    }

    /** @param cause what went wrong underneath, for the logs; never shown to the client */
    protected ProblemException(HttpStatus status, String typeSlug, String title, String detail,
            Map<String, Object> properties, Throwable cause) {
        super(status, problem(status, typeSlug, title, detail, properties), cause);
    }

    private static ProblemDetail problem(HttpStatus status, String typeSlug, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(typeSlug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
