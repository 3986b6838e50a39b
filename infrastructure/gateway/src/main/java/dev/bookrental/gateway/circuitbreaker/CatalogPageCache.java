package dev.bookrental.gateway.circuitbreaker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The last good page of the public catalog per query ({@code GET /api/books?q=&page=&size=}), kept
 * so that the fallback can answer a degraded catalog while book is unavailable
 * ({@link CircuitBreakerFallback}). Small and bounded: at most
 * {@code bookrental.gateway.catalog-cache.max-entries} queries (the least recently used go first),
 * pages of at most {@value #MAX_PAGE_BYTES} bytes; in memory, per gateway instance — a degraded
 * answer, not a cache that serves while book is up.
 *
 * <p>The page is copied as the response streams to the client, not buffered before it: a good
 * answer reaches the client as fast as before.
 */
@Component
class CatalogPageCache implements GlobalFilter, Ordered {

    /** Exchange attribute: the query of a catalog list request (the cache key), set for the fallback. */
    static final String QUERY_ATTR = CatalogPageCache.class.getName() + ".query";
    static final String CATALOG_PATH = "/api/books";
    static final int MAX_PAGE_BYTES = 256 * 1024;

    record Page(byte[] body, MediaType contentType, Instant storedAt) {
    }

    private final Map<String, Page> pages;

    CatalogPageCache(@Value("${bookrental.gateway.catalog-cache.max-entries:200}") int maxEntries) {
        this.pages = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > maxEntries;
            }
        });
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET || !exchange.getRequest().getPath().value().equals(CATALOG_PATH)) {
            return chain.filter(exchange);
        }
        String query = query(exchange);
        exchange.getAttributes().put(QUERY_ATTR, query);
        return chain.filter(exchange.mutate().response(new Recording(exchange, query)).build());
    }

    Optional<Page> find(String query) {
        return Optional.ofNullable(pages.get(query));
    }

    void store(String query, byte[] body, MediaType contentType) {
        pages.put(query, new Page(body, contentType, Instant.now()));
    }

    static String query(ServerWebExchange exchange) {
        String raw = exchange.getRequest().getURI().getRawQuery();
        return raw == null ? "" : raw;
    }

    /** Before Spring Cloud Gateway's response writer, which then writes through the recording response. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    /** Copies a 200 JSON page of the service as it is written; a fallback's own answer is not recorded. */
    private final class Recording extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String query;

        Recording(ServerWebExchange exchange, String query) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.query = query;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            ServerHttpResponse response = getDelegate();
            MediaType type = response.getHeaders().getContentType();
            boolean record = HttpStatus.OK.equals(response.getStatusCode()) && type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    && !exchange.getAttributes().containsKey(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            if (!record) {
                return super.writeWith(body);
            }
            ByteArrayOutputStream copy = new ByteArrayOutputStream(4096);
            boolean[] tooLarge = {false};
            Flux<? extends DataBuffer> recorded = Flux.from(body).doOnNext(buffer -> {
                int length = buffer.readableByteCount();
                if (tooLarge[0] || copy.size() + length > MAX_PAGE_BYTES) {
                    tooLarge[0] = true;
                    return;
                }
                byte[] chunk = new byte[length];
                buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(chunk), 0, length);
                copy.writeBytes(chunk);
            }).doOnComplete(() -> {
                if (!tooLarge[0]) {
                    store(query, copy.toByteArray(), type);
                }
            });
            return super.writeWith(recorded);
        }
    }
}
