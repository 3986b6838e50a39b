package dev.bookrental.gateway.tracing;

import java.util.Optional;

import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id of a request at the gateway: the trace of the server observation Spring WebFlux
 * opened for it, which Spring Cloud Gateway continues to the service it routes to (a client span and
 * its W3C {@code traceparent}), so the gateway's access log, its problems, the services' log lines
 * and Zipkin share one id.
 */
public final class TraceIds {

    private TraceIds() {
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(span -> span.context().traceId());
    }
}
