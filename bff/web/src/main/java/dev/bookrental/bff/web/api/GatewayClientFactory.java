package dev.bookrental.bff.web.api;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client under bff-web's calls through the gateway (every HTTP service group): Apache
 * HttpClient, which by default answers a 503 or 429 by waiting out its {@code Retry-After} (the
 * gateway says 5 s) and asking again. A backend for frontend must not: the page gets the service's
 * answer as it came (see {@link GatewayAnswers}), and a composed answer must mark a part unavailable
 * at once, not after its call timeout. So only a request that got no answer at all (a pooled
 * connection the gateway had closed) is sent once more, at once, as HttpClient does for idempotent
 * requests; an answer is never retried.
 *
 * <p>And its connection pool: every call waiting for the gateway holds a connection, a book detail
 * makes four at once (on virtual threads), and HttpClient's default of 5 connections per route made
 * book details queue for connections at 20 a second (p50 2 s, nearly every part timed out: the
 * readside benchmark). bff-web talks to one route, the gateway, so the pool is sized for it.
 */
@Configuration(proxyBeanMethods = false)
class GatewayClientFactory {

    /** Calls in flight to the gateway at once: far above what two cores serve, so never the limit. */
    static final int MAX_CONNECTIONS = 200;

    @Bean
    ClientHttpRequestFactoryBuilder<?> gatewayClient() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(client -> client.setRetryStrategy(new NoHttpResponseRetriedOnce()))
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS));
    }

    /** HttpClient's default strategy for I/O failures (once, at once); none for answers. */
    private static final class NoHttpResponseRetriedOnce extends DefaultHttpRequestRetryStrategy {

        NoHttpResponseRetriedOnce() {
            super(1, TimeValue.ZERO_MILLISECONDS);
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }
    }
}
