package dev.bookrental.bff.web.book;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientResponseException;

import dev.bookrental.bff.web.book.BookDetail.Part;
import dev.bookrental.bff.web.book.BookDetail.Status;
import dev.bookrental.platform.resilience.ResilientHttpCalls.DownstreamUnavailableException;

/**
 * Collects the parts of one composed answer, each awaited until the same deadline (the calls all
 * start together, so that is each call's timeout), and notes how each went. A part that failed or
 * is late is empty and marked, so one source costs its own part and never the whole answer.
 */
final class Parts {

    private static final Logger log = LoggerFactory.getLogger(Parts.class);

    private final Duration timeout;
    private final long deadline;
    private final Map<String, Part> outcomes = new LinkedHashMap<>();

    Parts(Duration timeout) {
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /** The part, or empty (and marked) when its call failed or has not answered by the deadline. */
    <T> Optional<T> await(String part, Future<T> call) {
        try {
            T answer = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            outcomes.put(part, Part.OK);
            return Optional.of(answer);
        } catch (ExecutionException e) {
            failed(part, e.getCause());
        } catch (TimeoutException e) {
            call.cancel(true);
            mark(part, Status.UNAVAILABLE, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            mark(part, Status.UNAVAILABLE, "interrupted");
        }
        return Optional.empty();
    }

    void mark(String part, Status status, String reason) {
        if (status == Status.UNAVAILABLE) {
            log.warn("Answering without {}: {}", part, reason);
        }
        outcomes.put(part, new Part(status, reason));
    }

    Status statusOf(String part) {
        return outcomes.get(part).status();
    }

    /** Each part's outcome, in the order the parts were awaited. */
    Map<String, Part> outcomes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** Whether a part is missing because its source failed or was late (not because it is not the caller's). */
    boolean partial() {
        return outcomes.values().stream().anyMatch(part -> part.status() == Status.UNAVAILABLE);
    }

    private void failed(String part, Throwable cause) {
        if (cause instanceof RestClientResponseException answer) {
            HttpStatus status = HttpStatus.resolve(answer.getStatusCode().value());
            if (status == HttpStatus.UNAUTHORIZED) {
                mark(part, Status.SIGN_IN_REQUIRED, "the gateway refused the session's token: sign in again");
            } else if (status == HttpStatus.FORBIDDEN) {
                // The token is good but lacks the part's role (rental's card is for members only):
                // the part is not this caller's, and nothing failed.
                mark(part, Status.NOT_APPLICABLE, detailOf(answer));
            } else if (status == HttpStatus.NOT_FOUND) {
                mark(part, Status.NOT_FOUND, detailOf(answer));
            } else {
                mark(part, Status.UNAVAILABLE, "answered " + answer.getStatusCode().value() + ": " + detailOf(answer));
            }
        } else if (refusal(cause) != null) {
            // Not called at all: bff-web's own breaker for the source is open, or its bulkhead full.
            mark(part, Status.UNAVAILABLE, refusal(cause).getMessage());
        } else {
            // No answer at all: connection refused, read timeout of the client, an unreadable body.
            mark(part, Status.UNAVAILABLE, "no answer: " + cause.getClass().getSimpleName());
        }
    }

    /** The refusal of bff-web's breaker or bulkhead under the failure, if that is what it is. */
    private static DownstreamUnavailableException refusal(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DownstreamUnavailableException refused) {
                return refused;
            }
        }
        return null;
    }

    /** The problem's detail when the source answered a problem, else the status text. */
    private static String detailOf(RestClientResponseException answer) {
        try {
            ProblemDetail problem = answer.getResponseBodyAs(ProblemDetail.class);
            if (problem != null && problem.getDetail() != null) {
                return problem.getDetail();
            }
        } catch (RuntimeException unreadable) {
            // not a problem document: fall back to the status text
        }
        return answer.getStatusText();
    }
}
