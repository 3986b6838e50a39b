package dev.bookrental.bff.mobile.home;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the parts of one composed answer until a common deadline: a part that failed, or had
 * not arrived by the deadline, is left out and named as unavailable, so one slow or broken source
 * costs its own part and never the whole answer.
 */
final class PartialAnswer {

    private static final Logger log = LoggerFactory.getLogger(PartialAnswer.class);

    private final long deadline;
    private final List<String> unavailable = new ArrayList<>();

    PartialAnswer(Duration timeout) {
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /** The part, or empty (and the part named unavailable) when it failed or is late. */
    <T> Optional<T> await(String part, Future<T> call) {
        try {
            return Optional.of(call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            log.warn("Answering without {}: {}", part, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("Answering without {}: no answer by the deadline", part);
            call.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
        }
        markUnavailable(part);
        return Optional.empty();
    }

    void markUnavailable(String part) {
        if (!unavailable.contains(part)) {
            unavailable.add(part);
        }
    }

    List<String> unavailable() {
        return List.copyOf(unavailable);
    }
}
