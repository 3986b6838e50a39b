package dev.bookrental.systemtests;

import static dev.bookrental.systemtests.Library.addBook;
import static dev.bookrental.systemtests.Library.registeredMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Central logs (docs/patterns/central-logs.md): every instance writes ECS JSON lines, the logs
 * service ships them into OpenSearch, and a rental's trace id finds the lines of every service the
 * rental went through. A shipper killed mid-stream loses and duplicates nothing.
 */
@Order(4) // kills the logs service once
@ExtendWith(BookrentalSystem.class)
class CentralLogsTest {

    static final String LOGS = "http://127.0.0.1:9091";
    private static final Duration SEARCHABLE = Duration.ofSeconds(60);

    @Test
    void aRentalsTraceIdFindsTheLogLinesOfEveryServiceItWentThrough() {
        User member = registeredMember();
        long book = addBook("Central Logs", 1);
        Instant before = Instant.now().minusSeconds(1);

        Http.Response accepted = Library.rent(member, book);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        Library.ended(member, accepted.json().get("rentalId").asString());

        // The gateway's access-log line of this POST, found through the central logs themselves.
        JsonNode access = await().atMost(SEARCHABLE).pollInterval(Duration.ofMillis(500)).until(
                () -> search(Map.of("service", "gateway", "from", before.toString(), "q", "POST rentals 202")).path("lines"),
                lines -> lines.size() == 1).get(0);
        String traceId = access.path("traceId").asString();
        assertThat(access.path("message").asString()).contains("trace_id=" + traceId);

        Set<String> services = await().atMost(SEARCHABLE).pollInterval(Duration.ofMillis(500)).until(
                () -> servicesOf(search(Map.of("traceId", traceId, "size", "1000"))),
                found -> found.containsAll(Set.of("gateway", "rental", "book", "member")));
        assertThat(services).contains("gateway", "rental", "book", "member");
        JsonNode lines = search(Map.of("traceId", traceId, "size", "1000")).path("lines");
        for (JsonNode line : lines) {
            assertThat(line.path("traceId").asString()).isEqualTo(traceId);
            assertThat(line.path("level").asString()).isNotBlank();
            assertThat(line.path("instance").asString()).isNotBlank();
        }
        assertThat(lines.get(0).path("timestamp").asString()).as("oldest first")
                .isLessThanOrEqualTo(lines.get(lines.size() - 1).path("timestamp").asString());
    }

    @Test
    void aShipperKilledMidStreamNeitherLosesNorDuplicatesALine(RunningSystem system) throws Exception {
        ServiceInstance shipper = system.instances("logs").getFirst();
        Path file = system.context().logs().resolve("json").resolve("central-logs-test.json");
        String marker = "marker" + UUID.randomUUID().toString().replace("-", "");
        int written = 0;

        written += writeLines(file, marker, written, 600);
        shipper.kill(); // SIGKILL: whatever it had read, sent or not, acknowledged or not
        written += writeLines(file, marker, written, 600);
        Instances.start(shipper);
        written += writeLines(file, marker, written, 600);

        long inFiles;
        try (Stream<String> content = Files.lines(file)) {
            inFiles = content.filter(line -> line.contains(marker)).count();
        }
        assertThat(inFiles).isEqualTo(written);
        long expected = inFiles;
        long indexed = await().atMost(SEARCHABLE).pollInterval(Duration.ofMillis(500))
                .until(() -> search(Map.of("q", marker, "size", "1")).path("total").asLong(), total -> total >= expected);
        // settled: a duplicate shipped late would show up as a count above the lines written
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> search(Map.of("q", marker, "size", "1")).path("total").asLong() == expected);
        assertThat(indexed).isEqualTo(written);
    }

    @Test
    void badSearchInputIsAProblemNamingTheParameter() {
        assertInvalid("traceId=not-hex", "traceId");
        assertInvalid("level=LOUD", "level");
        assertInvalid("from=yesterday", "from");
        assertInvalid("size=0", "size");
        assertInvalid("size=5000", "size");
        assertInvalid("from=2026-11-26T11:00:00Z&to=2026-11-26T10:00:00Z", "from");
        assertThat(Http.page(LOGS + "/").status()).as("the search page").isEqualTo(200);
    }

    private static void assertInvalid(String query, String parameter) {
        Http.Response response = Http.get(LOGS + "/api/logs?" + query);
        ApiErrorsTest.assertProblem(response, 400, "urn:bookrental:problem:invalid-parameter");
        assertThat(response.json().get("errors").findValuesAsString("name")).as(query).containsExactly(parameter);
    }

    /** ECS lines as a service writes them, some 300 a second, each with the marker and its number. */
    private static int writeLines(Path file, String marker, int first, int count) throws IOException, InterruptedException {
        for (int i = first; i < first + count; i++) {
            String line = "{\"@timestamp\":\"" + Instant.now() + "\",\"log\":{\"level\":\"INFO\",\"logger\":\"CentralLogsTest\"},"
                    + "\"service\":{\"name\":\"central-logs-test\"},\"message\":\"" + marker + " line " + i + "\"}\n";
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (i % 30 == 0) {
                Thread.sleep(100);
            }
        }
        return count;
    }

    private static JsonNode search(Map<String, String> parameters) {
        String query = new LinkedHashMap<>(parameters).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http.Response response = Http.get(LOGS + "/api/logs?" + query);
        if (response.status() != 200) {
            throw new UncheckedIOException(new IOException("GET /api/logs?" + query + " answered " + response.status()));
        }
        return response.json();
    }

    private static Set<String> servicesOf(JsonNode result) {
        Set<String> services = new HashSet<>();
        result.path("lines").forEach(line -> services.add(line.path("service").asString()));
        return services;
    }
}
