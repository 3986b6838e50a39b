package dev.bookrental.bff.mobile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for member, rental, book and rental-query, speaking their contracts
 * as far as bff-mobile uses them. A test can make a service slow or failing, and read the requests
 * each service received (path and Authorization header).
 */
public final class StandInServices implements AutoCloseable {

    /** Due dates of the two loans on the stand-in rental card. */
    public static final Instant DUNE_DUE = Instant.parse("2026-12-01T10:00:00Z");
    public static final Instant EMMA_DUE = Instant.parse("2026-11-20T10:00:00Z");

    /** What a service received: the path (with query) and the Authorization header (null: none). */
    public record Received(String path, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    public StandInServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/members/me", exchange -> serve("member", exchange, () ->
                "{\"id\":\"member-1\",\"username\":\"alice\",\"displayName\":\"Alice\",\"points\":90}"));
        server.createContext("/api/rental-card", exchange -> serve("rental", exchange, () -> """
                {"memberId":"member-1","status":"SUSPENDED","pending":[],"fees":[],"outstandingFees":0,"loansLeft":3,"version":7,
                 "loans":[{"rentalId":"r-1","bookId":1,"copyId":11,"dueAt":"%s","overdue":false},
                          {"rentalId":"r-2","bookId":2,"copyId":21,"dueAt":"%s","overdue":true}]}
                """.formatted(DUNE_DUE, EMMA_DUE)));
        server.createContext("/api/books", exchange -> serve("book", exchange, () -> switch (exchange.getRequestURI().getPath()) {
            case "/api/books/1" -> book(1, "Dune");
            case "/api/books/2" -> book(2, "Emma");
            default -> null;
        }));
        server.createContext("/api/best-books", exchange -> serve("rental-query", exchange, () -> """
                [{"rank":1,"bookId":2,"title":"Emma","rentals":7},{"rank":2,"bookId":3,"title":"Persuasion","rentals":4}]"""));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The service answers only after {@code delay}. */
    public void slow(String service, Duration delay) {
        delays.put(service, delay);
    }

    /** The service answers every request with {@code status}. */
    public void failing(String service, int status) {
        failures.put(service, status);
    }

    public List<Received> receivedBy(String service) {
        return List.copyOf(received.getOrDefault(service, List.of()));
    }

    /** Every service healthy and fast again, nothing received. */
    public void reset() {
        delays.clear();
        failures.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(String service, HttpExchange exchange, Supplier<String> answer) throws IOException {
        received.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(new Received(
                exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Authorization")));
        Duration delay = delays.get(service);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer failure = failures.get(service);
        if (failure != null) {
            respond(exchange, failure, "{\"status\":" + failure + "}");
            return;
        }
        String json = answer.get();
        respond(exchange, json == null ? 404 : 200, json == null ? "{\"status\":404}" : json);
    }

    private static String book(long id, String title) {
        return "{\"id\":%d,\"isbn\":\"978000000000%d\",\"title\":\"%s\",\"authors\":[\"Someone\"],\"publisher\":null,\"publishedYear\":1965}"
                .formatted(id, id, title);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, body.length);
            out.write(body);
        } catch (IOException ignored) {
            // the client gave up waiting (its timeout): nothing to answer to
        }
    }
}
