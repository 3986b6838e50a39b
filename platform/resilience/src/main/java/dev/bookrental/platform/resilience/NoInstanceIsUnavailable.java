package dev.bookrental.platform.resilience;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The outermost interceptor of every HTTP service group. When the registry knows no instance of the
 * downstream (all of them down, or restarted and not yet in the caller's cached list), Spring Cloud
 * LoadBalancer throws an {@link IllegalStateException} ("No instances available for book") or, behind its
 * retry interceptor, an {@link IllegalArgumentException} ("Service Instance cannot be null") — which a
 * caller would answer with a 500 as if it were its own bug. It is the downstream being unavailable: it
 * is rethrown as an {@link IOException} ({@link NoInstanceException}), which the client reports as it
 * reports a refused connection (Spring's {@code ResourceAccessException}), and callers answer that
 * with a 503.
 */
public final class NoInstanceIsUnavailable implements ClientHttpRequestInterceptor {

    private static final String[] LOAD_BALANCER_PACKAGES = {
            "org.springframework.cloud.loadbalancer.", "org.springframework.cloud.client.loadbalancer."};

    private final String downstream;

    public NoInstanceIsUnavailable(String downstream) {
        this.downstream = downstream;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        try {
            return execution.execute(request, body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (thrownByTheLoadBalancer(e)) {
                throw new NoInstanceException(downstream, e);
            }
            throw e;
        }
    }

    /** Only the load balancer's own refusal: any other such exception is a bug and stays one. */
    private static boolean thrownByTheLoadBalancer(RuntimeException e) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length == 0) {
            return false;
        }
        String thrower = trace[0].getClassName();
        for (String loadBalancer : LOAD_BALANCER_PACKAGES) {
            if (thrower.startsWith(loadBalancer)) {
                return true;
            }
        }
        return false;
    }

    /** The call was not made: no instance of the downstream is registered (as far as the caller knows). */
    public static final class NoInstanceException extends IOException {

        NoInstanceException(String downstream, RuntimeException refusal) {
            super("no instance of " + downstream + " available: " + refusal.getMessage(), refusal);
        }
    }
}
