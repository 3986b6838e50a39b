package dev.bookrental.gateway.tracing;

import java.util.Optional;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Continues the gateway's trace in the service it routes to: writes the W3C trace context
 * ({@code traceparent}) of the gateway's client span for the proxied request (Spring Cloud Gateway's
 * observation), or of its server span, on the request to the service.
 *
 * <p>Spring Cloud Gateway 5.0.4 opens that client span, but here (Spring Boot 4.0.7) sent the request
 * without its {@code traceparent}: every service began a trace of its own and the gateway's spans
 * stood alone in Zipkin ({@code GatewayTracingTests} failed without this class). Runs after the
 * gateway's own header filters, so what it writes is what the service receives.
 */
@Component
class TraceContextPropagation implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;

    TraceContextPropagation(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Optional<Span> span = clientSpan(exchange).or(() -> TraceIds.serverSpan(exchange));
        if (span.isEmpty()) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        propagator.inject(span.get().context(), headers, HttpHeaders::set);
        return headers;
    }

    private static Optional<Span> clientSpan(ServerWebExchange exchange) {
        Observation observation = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_OBSERVATION_ATTR);
        return Optional.ofNullable(observation)
                .map(o -> o.getContext().<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan);
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
