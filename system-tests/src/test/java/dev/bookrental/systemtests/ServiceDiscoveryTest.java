package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;

/**
 * Service discovery and client-side load balancing: the gateway finds book through Eureka
 * ({@code lb://book}) and spreads requests over every registered instance.
 */
@Order(1)
@ExtendWith(BookrentalSystem.class)
class ServiceDiscoveryTest {

    @Test
    void gatewayReachesBookThroughDiscovery(RunningSystem system) {
        List<Integer> bookPorts = system.instances("book").stream().map(ServiceInstance::port).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Eureka.upPorts("book")).containsExactlyInAnyOrderElementsOf(bookPorts));

        Http.Response response = Http.get(Http.GATEWAY + "/api/books?q=tolkien");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("content").findValuesAsString("title")).contains("The Hobbit", "The Lord of the Rings");
    }

    @Test
    void requestsAreSpreadOverEveryInstance(RunningSystem system) {
        List<ServiceInstance> books = system.instances("book");
        assertThat(books).hasSize(BookrentalSystem.BOOK_INSTANCES);
        await().atMost(Duration.ofSeconds(30)).until(() -> Eureka.upPorts("book").size() == books.size());
        long[] before = books.stream().mapToLong(b -> Http.servedRequests(b.baseUrl(), "/api/books/{id}")).toArray();

        int requests = 40;
        for (int i = 0; i < requests; i++) {
            assertThat(Http.get(Http.GATEWAY + "/api/books/" + (i % 41 + 1)).status()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long[] served = new long[books.size()];
            for (int i = 0; i < books.size(); i++) {
                served[i] = Http.servedRequests(books.get(i).baseUrl(), "/api/books/{id}") - before[i];
            }
            for (long count : served) {
                assertThat(count).as("requests served by one instance").isGreaterThanOrEqualTo(requests / 4);
            }
            assertThat(java.util.Arrays.stream(served).sum()).isEqualTo(requests);
        });
    }
}
