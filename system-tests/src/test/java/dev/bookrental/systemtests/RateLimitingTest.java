package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bookrental.launcher.RunningSystem;

/**
 * Rate limiting at the gateway, counters in Redis: per signed-in user and per client address. A
 * used-up limit is a 429 problem with {@code Retry-After}; one user's flood does not hold back
 * another. Each test lowers a limit in the configuration for a moment: a changed limit applies
 * after one bus refresh, with no restart, and the test's outcome does not depend on how fast the
 * machine answers.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class RateLimitingTest {

    private static final String TOO_MANY = "urn:bookrental:problem:too-many-requests";

    @Test
    void aUserOverTheLimitGets429WithRetryAfterWhileAnotherUserGoesOn(RunningSystem system) throws IOException {
        User flooding = Library.registeredMember();
        User other = Library.registeredMember();

        withLimits(system, "per-user", "replenish-rate: 50", "replenish-rate: 1", "burst-capacity: 100", "burst-capacity: 3", () -> {
            List<Http.Response> answers = IntStream.range(0, 12).mapToObj(i -> Library.me(flooding)).toList();

            Http.Response refused = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
            ApiErrorsTest.assertProblem(refused, 429, TOO_MANY);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().get("detail").asString()).contains("per user");
            assertThat(Library.me(other).status()).as("another user is not held back").isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Library.me(flooding).status() == 200);
        });
    }

    @Test
    void aClientAddressOverTheLimitGets429(RunningSystem system) throws IOException {
        withLimits(system, "per-client-ip", "replenish-rate: 2000", "replenish-rate: 5", "burst-capacity: 4000", "burst-capacity: 10", () -> {
            List<Http.Response> answers = concurrently(40, () -> Http.get(Http.GATEWAY + "/api/books?size=1"));

            Http.Response refused = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
            ApiErrorsTest.assertProblem(refused, 429, TOO_MANY);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().get("detail").asString()).contains("per client-ip");
        });
    }

    /**
     * Runs {@code check} while one limit of gateway-systemtest.yml is lowered (two replacements in
     * its {@code limit} section) and applied by a bus refresh; puts the file back and refreshes
     * again afterwards, waiting until the usual limits are in force.
     */
    private static void withLimits(RunningSystem system, String limit, String rate, String lowerRate, String burst, String lowerBurst,
            Runnable check) throws IOException {
        Path gatewayConfig = system.context().configDir().resolve("gateway-systemtest.yml");
        String original = Files.readString(gatewayConfig);
        int section = original.indexOf(limit + ":");
        String lowered = original.substring(0, section)
                + original.substring(section).replaceFirst(rate, lowerRate).replaceFirst(burst, lowerBurst);
        try {
            Files.writeString(gatewayConfig, lowered);
            assertThat(Http.post(Http.CONFIG_SERVER + "/actuator/busrefresh").status()).isBetween(200, 204);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(check::run);
        } finally {
            Files.writeString(gatewayConfig, original);
            Http.post(Http.CONFIG_SERVER + "/actuator/busrefresh");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                concurrently(40, () -> Http.get(Http.GATEWAY + "/api/books?size=1")).stream().allMatch(answer -> answer.status() == 200));
    }

    private static List<Http.Response> concurrently(int count, java.util.function.Supplier<Http.Response> request) {
        try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
            List<CompletableFuture<Http.Response>> answers = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(request, clients)).toList();
            return answers.stream().map(CompletableFuture::join).toList();
        }
    }
}
