package dev.bookrental.bff.web.page;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A service's refusal as RFC 9457 problem details (every Bookrental service answers errors so), read
 * back from the call that failed, so that a page can say what went wrong in the service's own words
 * and put each complaint about an input next to its field.
 *
 * @param errors the offending inputs, for a 400 (platform's {@code ProblemDetailsAdvice})
 */
record Problem(String type, String title, int status, String detail, List<InvalidInput> errors) {

    static final String TYPE_PREFIX = "urn:bookrental:problem:";

    record InvalidInput(String name, String message) {
    }

    Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The problem a service answered; one made of the status alone when its body was not a problem. */
    static Problem of(RestClientResponseException answer) {
        Problem problem;
        try {
            problem = answer.getResponseBodyAs(Problem.class);
        } catch (RestClientException | IllegalStateException e) {
            problem = null;
        }
        if (problem == null || problem.status() == 0) {
            return new Problem(null, answer.getStatusText(), answer.getStatusCode().value(), null, List.of());
        }
        return problem;
    }

    boolean is(String shortType) {
        return (TYPE_PREFIX + shortType).equals(type);
    }

    /** What to tell the person: the service's detail, else its title. */
    String message() {
        return detail != null && !detail.isBlank() ? detail : title;
    }

    /** Each offending field's complaints, by the field's last name ({@code request.isbn} → {@code isbn}). */
    Map<String, String> fieldErrors() {
        return errors.stream().collect(Collectors.toMap(error -> error.name().substring(error.name().lastIndexOf('.') + 1),
                InvalidInput::message, (first, second) -> first + "; " + second));
    }
}
