package dev.bookrental.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GatewayReportTests {

    private static final Backend DELAY = Backend.fixedDelay();
    private static final Backend READ = Backend.postgresRead();
    private static final Plan PLAN = new Plan(List.of(DELAY, READ), List.of(Token.NONE, Token.MEMBER), 1,
            new WarmUp(32, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(4), 40), Duration.ofSeconds(15));
    private static final Machine MACHINE = new Machine("2026-11-30 08:00 UTC", 2, "a CPU", "Linux", "25", "wrk 4.1.0", "C1 and C2");

    private final List<Measurement> measurements = new ArrayList<>();

    @Test
    void keepsIssueTwosRowsAndGoalsAndAddsTheRowsWithAToken() {
        measure(DELAY, Token.NONE, 190, 25.0, 180, 30.0, 0.4);
        measure(DELAY, Token.MEMBER, 185, 26.0, 170, 33.0, 0.5);
        measure(READ, Token.NONE, 2_000, 12.0, 800, 40.0, 1.6);
        measure(READ, Token.MEMBER, 1_600, 15.0, 600, 60.0, 1.7);

        String report = print(List.of());

        assertThat(report).contains(
                "| GET /api/bench/delay?ms=20          | direct  |     4 |      190.0 |     1.0 |    25.0 |      0 |",
                "| GET /api/bench/delay?ms=20 with JWT | gateway |     4 |      170.0 |     1.0 |    33.0 |      0 |",
                "| GET /api/books/{id} with JWT        | direct  |    16 |     1600.0 |     1.0 |    15.0 |      0 |");
        assertThat(report).contains(
                "| GET /api/bench/delay?ms=20          | requests/s gateway/direct |  0.95× |  ≥ 0.9× | PASS   |",
                "| GET /api/bench/delay?ms=20          | p99 gateway/direct        |  1.20× |  ≤ 1.5× | PASS   |",
                "| GET /api/bench/delay?ms=20 with JWT | requests/s gateway/direct |  0.92× |       — | —      |",
                "| GET /api/books/{id}                 | requests/s gateway/direct |  0.40× | ≥ 0.35× | PASS   |",
                "| GET /api/books/{id} with JWT        | requests/s gateway/direct |  0.38× |       — | —      |",
                "| GET /api/books/{id} with JWT        | p99 gateway/direct        |  4.00× |       — | —      |");
        // Through the gateway 600/800 requests/s and 60/40 ms; the gateway's CPU per request beyond its 0.1 cores
        // at rest: 1.6 cores × 15 s / 9,000 requests = 2.67 ms with, 1.5 × 15 / 12,000 = 1.88 ms without.
        assertThat(report).contains(
                "| GET /api/books/{id}                 | direct  |            0.80× |     1.25× |                  — |           +0.10 |",
                "| GET /api/books/{id}                 | gateway |            0.75× |     1.50× |              +0.79 |           +0.10 |");
        assertThat(report).doesNotContain("WARNING", "open path");
    }

    @Test
    void saysWhetherGatewayAndBookValidatedAForgedToken() {
        measure(DELAY, Token.NONE, 190, 25.0, 180, 30.0, 0.4);
        measure(DELAY, Token.MEMBER, 185, 26.0, 170, 33.0, 0.5);
        measure(READ, Token.NONE, 2_000, 12.0, 800, 40.0, 1.6);
        measure(READ, Token.MEMBER, 1_600, 15.0, 600, 60.0, 1.7);

        String report = print(List.of(new TokenCheck("gateway", "http://127.0.0.1:8080/actuator/health", 401),
                new TokenCheck("book", "http://127.0.0.1:8101/api/books/1", 200)));

        assertThat(report).contains(
                "- gateway at http://127.0.0.1:8080/actuator/health: 401, it validates a token presented on an open path",
                "- book at http://127.0.0.1:8101/api/books/1: 200, **it ignores a token on an open path**: the rows with JWT"
                        + " measure no validation in book");
    }

    @Test
    void flagsARowWithAToken() {
        measure(DELAY, Token.NONE, 190, 25.0, 180, 30.0, 0.4);
        measure(DELAY, Token.MEMBER, 185, 26.0, 170, 33.0, 0.5);
        measure(READ, Token.NONE, 2_000, 12.0, 800, 40.0, 1.6);
        measurements.add(new Measurement(READ, Route.DIRECT, Token.MEMBER, new WrkResult(24_000, 15, 24_000, 0, 1, 15), cpu(1.0, 1.0)));
        measurements.add(new Measurement(READ, Route.GATEWAY, Token.MEMBER, new WrkResult(9_000, 15, 0, 0, 1, 60), cpu(1.0, 1.0)));

        assertThat(print(List.of())).contains("WARNING: GET /api/books/{id} with JWT direct had 24000 errors (24000 responses ≥ 400");
    }

    /**
     * Direct, then through the gateway. CPU: the gateway 0.1 cores direct (at rest) and {@code
     * gatewayCores} through it; book 0.1 cores plus 0.7 ms per request, 0.8 ms with a token.
     */
    private void measure(Backend backend, Token token, double directPerSecond, double directP99, double gatewayPerSecond,
            double gatewayP99, double gatewayCores) {
        measurements.add(new Measurement(backend, Route.DIRECT, token, result(directPerSecond, directP99),
                cpu(0.1, bookCores(directPerSecond, token))));
        measurements.add(new Measurement(backend, Route.GATEWAY, token, result(gatewayPerSecond, gatewayP99),
                cpu(gatewayCores, bookCores(gatewayPerSecond, token))));
    }

    private static double bookCores(double perSecond, Token token) {
        return 0.1 + perSecond * (token == Token.MEMBER ? 0.0008 : 0.0007);
    }

    private static WrkResult result(double perSecond, double p99) {
        return new WrkResult(Math.round(perSecond * 15), 15, 0, 0, 1.0, p99);
    }

    private String print(List<TokenCheck> checks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(MACHINE, PLAN,
                new BenchmarkRun(cpu(0.1, 0.1), List.of(), measurements, checks));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static CpuUse cpu(double gateway, double book) {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put("wrk", 0.1);
        cores.put("gateway", gateway);
        cores.put("book", book);
        cores.put("postgres", 0.1);
        cores.put("zipkin", 0.0);
        cores.put("others", 0.1);
        cores.put("outside", 0.0);
        cores.put("idle", 0.2);
        return new CpuUse(15, cores);
    }
}
