package dev.bookrental.gateway.circuitbreaker;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps the path the client asked for in the exchange: the breaker's fallback sees its own forwarded
 * request ({@code /fallback}), and its problem names the client's path as the {@code instance}.
 */
@Component
class RequestedPath implements GlobalFilter, Ordered {

    static final String ATTR = RequestedPath.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getAttributes().put(ATTR, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
