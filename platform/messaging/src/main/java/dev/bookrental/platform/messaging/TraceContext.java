package dev.bookrental.platform.messaging;

import java.util.function.Supplier;

/**
 * The W3C trace context of the current request, captured when a message is written to the outbox
 * and restored when the relay publishes it, so the trace continues from the original request.
 */
public interface TraceContext {

    /** No tracing in this service: the stored {@code traceparent}, if any, is sent as it is. */
    TraceContext NONE = new TraceContext() {
        @Override
        public String currentTraceparent() {
            return null;
        }

        @Override
        public boolean propagatesOnSend() {
            return false;
        }

        @Override
        public <T> T continueTrace(String traceparent, Supplier<T> work) {
            return work.get();
        }
    };

    /** The {@code traceparent} of the current span, or null when there is none. */
    String currentTraceparent();

    /** Whether the Kafka producer observation writes the {@code traceparent} header itself. */
    boolean propagatesOnSend();

    /** Runs {@code work} inside a span that continues the trace of {@code traceparent} (if not null). */
    <T> T continueTrace(String traceparent, Supplier<T> work);
}
