package dev.bookrental.bff.web.book;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the gateway's routes to the book detail's sources: book (book 7
 * "Dune" with three copies, one on the shelf; no other book), rental-query (book 7 ranked 2nd) and
 * rental (eligibility, for a bearer token only). A test can make a source slow or failing, have
 * rental refuse the caller's role, and read what each source received.
 */
final class StandInSources implements AutoCloseable {

    static final long DUNE = 7;

    /** What a source received: the path with its query, and the Authorization header (null: none). */
    record Received(String path, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile boolean roleRefused;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StandInSources() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/books/", exchange -> {
            boolean copies = exchange.getRequestURI().getPath().endsWith("/copies");
            serve(copies ? "copies" : "book", exchange);
        });
        server.createContext("/api/best-books/", exchange -> serve("rank", exchange));
        server.createContext("/api/rental-card/eligibility", exchange -> serve("eligibility", exchange));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The source ({@code book}, {@code copies}, {@code rank}, {@code eligibility}) answers only after {@code delay}. */
    void slow(String source, Duration delay) {
        delays.put(source, delay);
    }

    /** The source answers every request with {@code status}, a problem and {@code Retry-After: 5}, as the gateway does. */
    void failing(String source, int status) {
        failures.put(source, status);
    }

    /** Rental answers eligibility 403 forbidden, as it does to a valid token without the MEMBER role. */
    void refuseTheRole() {
        roleRefused = true;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void reset() {
        delays.clear();
        failures.clear();
        roleRefused = false;
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(String source, HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(exchange.getRequestURI().toString(), authorization));
        Duration delay = delays.get(source);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer failure = failures.get(source);
        if (failure != null) {
            exchange.getResponseHeaders().set("Retry-After", "5"); // as the gateway says with its 503
            respond(exchange, failure, "application/problem+json",
                    "{\"type\":\"urn:bookrental:problem:service-unavailable\",\"status\":%d,\"detail\":\"%s is down\"}".formatted(failure, source));
            return;
        }
        boolean dune = exchange.getRequestURI().toString().contains("/" + DUNE) || exchange.getRequestURI().toString().contains("=" + DUNE);
        String answer = switch (source) {
            case "book" -> dune ? """
                    {"id":7,"isbn":"9780441013593","title":"Dune","authors":["Frank Herbert"],"publisher":"Chilton","publishedYear":1965}""" : null;
            case "copies" -> dune ? """
                    [{"id":70,"bookId":7,"status":"RENTED"},{"id":71,"bookId":7,"status":"AVAILABLE"},{"id":72,"bookId":7,"status":"RENTED"}]""" : null;
            case "rank" -> dune ? "{\"bookId\":7,\"rank\":2,\"rentals\":12}" : "{\"rank\":null,\"rentals\":0}";
            case "eligibility" -> authorization == null ? "" : dune
                    ? "{\"bookId\":7,\"title\":\"Dune\",\"eligible\":false,\"reasons\":[\"ALREADY_RENTED\"]}" : null;
            default -> throw new IllegalArgumentException(source);
        };
        if (authorization == null && source.equals("eligibility")) {
            respond(exchange, 401, "application/problem+json", "{\"status\":401}");
        } else if (roleRefused && source.equals("eligibility")) {
            respond(exchange, 403, "application/problem+json", """
                    {"type":"urn:bookrental:problem:forbidden","title":"Forbidden","status":403,\
                    "detail":"The access token does not carry the role this request needs."}""");
        } else if (answer == null) {
            respond(exchange, 404, "application/problem+json",
                    "{\"type\":\"urn:bookrental:problem:book-not-found\",\"status\":404,\"detail\":\"No such book.\"}");
        } else {
            respond(exchange, 200, "application/json", answer);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException ignored) {
            // the client gave up waiting (its timeout): nothing to answer to
        }
    }
}
