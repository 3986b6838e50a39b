package dev.bookrental.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** {@link TraceContext} on Micrometer Tracing: W3C propagation through the service's {@link Propagator}. */
class MicrometerTraceContext implements TraceContext {

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerTraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The service's tracing, or {@link TraceContext#NONE} when it has no tracer. */
    static TraceContext of(org.springframework.beans.factory.BeanFactory beans) {
        Tracer tracer = beans.getBeanProvider(Tracer.class).getIfUnique();
        Propagator propagator = beans.getBeanProvider(Propagator.class).getIfUnique();
        if (tracer == null || propagator == null || tracer == Tracer.NOOP) {
            return TraceContext.NONE;
        }
        return new MicrometerTraceContext(tracer, propagator);
    }

    @Override
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(Message.TRACEPARENT);
    }

    @Override
    public boolean propagatesOnSend() {
        return true;
    }

    @Override
    public <T> T continueTrace(String traceparent, Supplier<T> work) {
        if (traceparent == null) {
            return work.get();
        }
        Span span = propagator.extract(Map.of(Message.TRACEPARENT, traceparent), Map::get)
                .name("outbox publish").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}
