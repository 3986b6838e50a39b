package dev.bookrental.gateway.accesslog;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import dev.bookrental.gateway.tracing.TraceIds;

/**
 * Access log of the gateway: one line per request, also for requests no route matched, with
 * method, path, status, latency, route, the instance the load balancer chose and the trace id
 * (the same id the downstream services log, and Zipkin shows).
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            var event = log.atInfo();
            String traceId = TraceIds.of(exchange).orElse(null);
            // A field of its own in the JSON log (ECS trace.id): the reactive thread that ends the
            // request need not carry the trace in its MDC, and the central logs search by this field.
            if (traceId != null) {
                event.addKeyValue("trace.id", traceId);
            }
            event.log(line(exchange, (System.nanoTime() - start) / 1_000_000, traceId));
        });
    }

    /** Appended piece by piece: a format string would be parsed again for every request. */
    private static String line(ServerWebExchange exchange, long latencyMs, String traceId) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        var status = exchange.getResponse().getStatusCode();
        return new StringBuilder(160)
                .append("method=").append(exchange.getRequest().getMethod())
                .append(" path=").append(exchange.getRequest().getPath().value())
                .append(" status=").append(status == null ? "-" : Integer.toString(status.value()))
                .append(" latency_ms=").append(latencyMs)
                .append(" route=").append(route == null ? "-" : route.getId())
                .append(" instance=").append(target == null ? "-" : target.getHost() + ":" + target.getPort())
                .append(" trace_id=").append(traceId == null ? "-" : traceId)
                .toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
