package dev.bookrental.gateway.tracing;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every answer of the gateway names its trace in the {@value #NAME} header, success or error, so a
 * client (or a test) can look the request up in Zipkin and in the logs
 * (docs/patterns/distributed-tracing.md). Set just before the response is committed: a proxied
 * service's headers are copied in before that and cannot replace it.
 */
@Component
class TraceIdHeader implements WebFilter, Ordered {

    static final String NAME = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            TraceIds.of(exchange).ifPresent(traceId -> exchange.getResponse().getHeaders().set(NAME, traceId));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
