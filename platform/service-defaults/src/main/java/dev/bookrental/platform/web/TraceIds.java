package dev.bookrental.platform.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The trace id of the request being answered, for the {@value #PROPERTY} property of every problem
 * a service answers: the id its log lines carry and Zipkin finds the trace by, so an error a client
 * reports leads straight to what happened (docs/patterns/distributed-tracing.md).
 */
public final class TraceIds {

    /** The problem+json property that carries the trace id. */
    public static final String PROPERTY = "traceId";

    private final ObjectProvider<Tracer> tracer;

    public TraceIds(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current trace id, or null outside a trace (tracing off, or no span in scope). */
    public String current() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
