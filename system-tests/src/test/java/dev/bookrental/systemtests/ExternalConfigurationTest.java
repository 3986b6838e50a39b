package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;

/**
 * External configuration store with bus refresh: a property changed in the configuration
 * repository reaches every running instance after one {@code busrefresh} call, with no restart.
 */
@Order(2)
@ExtendWith(BookrentalSystem.class)
class ExternalConfigurationTest {

    private static final String PROPERTY = "default-page-size: ";

    @Test
    void oneBusRefreshChangesEveryRunningInstance(RunningSystem system) throws IOException {
        Path bookConfig = system.context().configDir().resolve("book.yml");
        String original = Files.readString(bookConfig);
        assertThat(original).contains(PROPERTY + "20");
        assertThat(system.instances("book")).hasSize(BookrentalSystem.BOOK_INSTANCES)
                .allSatisfy(book -> assertThat(defaultPageSize(book.baseUrl())).isEqualTo(20));

        try {
            Files.writeString(bookConfig, original.replace(PROPERTY + "20", PROPERTY + "7"));
            assertThat(Http.post(Http.CONFIG_SERVER + "/actuator/busrefresh").status()).isBetween(200, 204);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ServiceInstance book : system.instances("book")) {
                    assertThat(defaultPageSize(book.baseUrl())).as(book.name()).isEqualTo(7);
                }
            });
            assertThat(defaultPageSize(Http.GATEWAY)).isEqualTo(7);
        } finally {
            Files.writeString(bookConfig, original);
            Http.post(Http.CONFIG_SERVER + "/actuator/busrefresh");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ServiceInstance book : system.instances("book")) {
                assertThat(defaultPageSize(book.baseUrl())).isEqualTo(20);
            }
        });
    }

    /** The page size book uses when the client asks for none: the refreshable property. */
    private static int defaultPageSize(String baseUrl) {
        Http.Response page = Http.get(baseUrl + "/api/books");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content").size()).isEqualTo(page.json().get("size").asInt());
        return page.json().get("size").asInt();
    }
}
