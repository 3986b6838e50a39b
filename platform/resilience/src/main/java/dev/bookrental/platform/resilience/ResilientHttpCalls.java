package dev.bookrental.platform.resilience;

import java.io.IOException;
import java.util.Set;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Circuit breaker, bulkhead and retry around every call of one HTTP service group (one downstream:
 * {@code book}, {@code member} …), all three named after the group. Read from the inside out:
 * <ul>
 * <li>bulkhead: at most so many calls to this downstream at once; one more is refused after a short
 * wait, so a slow downstream cannot take every thread of the caller;</li>
 * <li>circuit breaker: a downstream that fails (no connection, no answer within the client's read
 * timeout) or answers slowly too often is not called for a while — the caller gets its error at once;</li>
 * <li>retry with exponential backoff, for idempotent methods only ({@value #IDEMPOTENT_NAMES}), and only
 * when the service was not reached ({@link ResilienceProperties.Retry}): a POST is never sent twice.</li>
 * </ul>
 * A refused call (breaker open, bulkhead full) is thrown as an {@link IOException}
 * ({@link DownstreamUnavailableException}), which the client reports as it reports a refused
 * connection (Spring's {@code ResourceAccessException}): callers already answer that with a 503.
 * The time limit of a call is the client's own connect and read timeouts (spring.http.serviceclient.*).
 */
public final class ResilientHttpCalls implements ClientHttpRequestInterceptor {

    private static final String IDEMPOTENT_NAMES = "GET, HEAD, OPTIONS";
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Resilience resilience;
    private final String downstream;

    public ResilientHttpCalls(Resilience resilience, String downstream) {
        this.resilience = resilience;
        this.downstream = downstream;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        // Looked up per call: a bus refresh replaces them with new thresholds (Resilience).
        CircuitBreaker breaker = resilience.circuitBreaker(downstream);
        CheckedSupplier<ClientHttpResponse> call = Bulkhead.decorateCheckedSupplier(resilience.bulkhead(downstream),
                () -> execution.execute(request, body));
        call = CircuitBreaker.decorateCheckedSupplier(breaker, call);
        if (IDEMPOTENT.contains(request.getMethod())) {
            call = Retry.decorateCheckedSupplier(resilience.retry(downstream), call);
        }
        try {
            return call.get();
        } catch (CallNotPermittedException | BulkheadFullException refused) {
            throw new DownstreamUnavailableException(downstream, refused);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) { // execute() throws no other checked exception
            throw new IllegalStateException(e);
        }
    }

    /** The call was not made: the downstream's breaker is open, or its bulkhead full. */
    public static final class DownstreamUnavailableException extends IOException {

        DownstreamUnavailableException(String downstream, RuntimeException refusal) {
            super(downstream + " not called: " + refusal.getMessage(), refusal);
        }
    }
}
