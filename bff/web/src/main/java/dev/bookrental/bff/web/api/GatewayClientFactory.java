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
 */
@Configuration(proxyBeanMethods = false)
class GatewayClientFactory {

    @Bean
    ClientHttpRequestFactoryBuilder<?> answersNotRetried() {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(client -> client.setRetryStrategy(new NoHttpResponseRetriedOnce()));
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
