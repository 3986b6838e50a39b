package dev.bookrental.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A service behind the gateway in its tests, a real HTTP server (the JDK's) on a loopback port: it
 * answers every request 200 with a small JSON page naming the request, and remembers what reached it
 * (method, path, the Authorization and W3C traceparent headers as received), so a test sees what the
 * gateway let through and what it forwarded. While {@link #hang hanging} it answers only once the
 * hang is over: a service made slow.
 */
public final class TestBackend implements AutoCloseable {

    /** One request that reached the service; a header it did not have is null. */
    public record Received(String method, String path, String authorization, String traceparent) {
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    /** Counted down when the hang is over; an open latch while the service answers at once. */
    private volatile CountDownLatch hangOver = new CountDownLatch(0);

    private TestBackend(HttpServer server) {
        this.server = server;
    }

    public static TestBackend start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestBackend backend = new TestBackend(server);
            server.createContext("/", exchange -> {
                backend.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("traceparent")));
                try {
                    backend.hangOver.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                byte[] body = ("{\"request\":\"" + exchange.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether requests wait (from now on, and those waiting) until it is set back to false. */
    public synchronized void hang(boolean hang) {
        if (hang && hangOver.getCount() == 0) {
            hangOver = new CountDownLatch(1);
        } else if (!hang) {
            hangOver.countDown();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Queue<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
