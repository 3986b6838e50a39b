package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;

/**
 * Failure of instances: a SIGKILLed instance costs clients no failed request (the gateway retries
 * idempotent reads on another instance) and leaves the registry; with no instance left the gateway
 * answers 503 problem+json at once; restarted instances register and serve again.
 */
@Order(4)
@ExtendWith(BookrentalSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerFailoverTest {

    private static final int MAX_REQUESTS = 5_000;

    @Test
    @Order(1)
    void killedInstanceCostsNoFailedRequestAndLeavesTheRegistry(RunningSystem system) {
        List<ServiceInstance> books = system.instances("book");
        await().atMost(Duration.ofSeconds(30)).until(() -> Eureka.upPorts("book").size() == books.size());
        ServiceInstance victim = books.get(1);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
            while (!stop.get() && sent.get() < MAX_REQUESTS) {
                int i = sent.getAndIncrement();
                String outcome;
                try {
                    outcome = Integer.toString(Http.get(Http.GATEWAY + "/api/books/" + (i % 41 + 1)).status());
                } catch (RuntimeException e) {
                    outcome = e.getMessage();
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= 50);
            long killedAt = System.nanoTime();
            victim.kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> !Eureka.upPorts("book").contains(victim.port()));
            long evictedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.printf("Killed %s (SIGKILL): gone from Eureka after %d ms%n", victim.name(), evictedAfterMs);
            int afterEviction = sent.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= afterEviction + 50);
        } finally {
            stop.set(true);
            client.join();
        }

        System.out.printf("Requests during the kill: %s%n", outcomes);
        assertThat(outcomes).containsOnlyKeys("200");
        assertThat(outcomes.get("200")).isGreaterThanOrEqualTo(150);
    }

    @Test
    @Order(2)
    void serviceWithNoLiveInstanceAnswersServiceUnavailableAtOnce(RunningSystem system) {
        system.instances("book").forEach(ServiceInstance::kill);

        // Still registered but dead: every connection is refused.
        assertServiceUnavailableWithin(Duration.ofSeconds(5));

        // Evicted: the load balancer has no instance at all.
        await().atMost(Duration.ofSeconds(40)).until(() -> Eureka.upPorts("book").isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertServiceUnavailableWithin(Duration.ofSeconds(2)));
    }

    @Test
    @Order(3)
    void restartedInstancesRegisterAndServeAgain(RunningSystem system) {
        List<ServiceInstance> books = system.instances("book");
        List<CompletableFuture<Void>> restarts = books.stream()
                .filter(book -> !book.isAlive())
                .map(book -> CompletableFuture.runAsync(() -> start(book)))
                .toList();
        restarts.forEach(CompletableFuture::join);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Eureka.upPorts("book")).containsExactlyInAnyOrderElementsOf(books.stream().map(ServiceInstance::port).toList()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(Http.get(Http.GATEWAY + "/api/books/1").status()).isEqualTo(200));
    }

    private static void assertServiceUnavailableWithin(Duration limit) {
        long start = System.nanoTime();
        Http.Response response = Http.get(Http.GATEWAY + "/api/books/1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        ApiErrorsTest.assertProblem(response, 503, "urn:bookrental:problem:service-unavailable");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(took).isLessThan(limit);
    }

    private static void start(ServiceInstance instance) {
        try {
            instance.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
