package dev.bookrental.logs.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.web.ProblemDetailsAdvice.InvalidInput;
import dev.bookrental.platform.web.ProblemException;

/**
 * {@code GET /api/logs}: the central log search. Every parameter is optional; a malformed one is a
 * 400 problem naming it. The page at {@code /} is a form over this endpoint.
 */
@RestController
class LogSearchController {

    private final LogSearch search;

    LogSearchController(LogSearch search) {
        this.search = search;
    }

    @GetMapping("/api/logs")
    LogSearch.Result logs(
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f]{16}|[0-9a-f]{32}", message = "must be 16 or 32 lowercase hex digits") String traceId,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a service name such as rental") String service,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(min = 1, max = 200) String q,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRange();
        }
        return search.find(new LogSearch.Criteria(traceId, service, level == null ? null : level.name(), from, to,
                q == null || q.isBlank() ? null : q, size));
    }

    /** The levels a line can have; UNKNOWN: a line that was not JSON (see LogDocument). */
    enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR, UNKNOWN
    }

    static final class InvalidRange extends ProblemException {
        InvalidRange() {
            super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid request parameter", "'from' must not be after 'to'",
                    Map.of("errors", List.of(new InvalidInput("from", "must not be after 'to'"))));
        }
    }
}
