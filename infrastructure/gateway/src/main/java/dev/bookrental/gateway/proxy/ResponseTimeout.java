package dev.bookrental.gateway.proxy;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * How long the gateway waits for a service's response ({@code bookrental.gateway.response-timeout}):
 * a service that hangs becomes a 504 problem ({@code GatewayProblemHandler}), never a hanging client.
 *
 * <p>Why not Spring Cloud Gateway's own {@code httpclient.response-timeout}: it arms a Reactor
 * {@code timeout()} per proxied request, a timer on the shared {@code parallel} scheduler, so every
 * request wakes a scheduler thread to arm the timer and again to cancel it (measured: two thread
 * wake-ups per request on a two-core machine, where each one is a context switch). Reactor Netty's
 * response timeout lives in the connection's own pipeline ({@code ReadTimeoutHandler}) and is
 * armed and cancelled on the event loop that already handles the response. It bounds the time
 * from the request's end until the response arrives, and then the wait between two reads of it.
 */
@Component
class ResponseTimeout implements HttpClientCustomizer {

    private final Duration timeout;

    ResponseTimeout(@Value("${bookrental.gateway.response-timeout:10s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public HttpClient customize(HttpClient client) {
        return client.responseTimeout(timeout);
    }
}
