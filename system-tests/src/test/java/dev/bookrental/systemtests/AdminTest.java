package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Spring Boot Admin (docs/patterns/monitoring.md) lists every running instance of the system,
 * found through Eureka (the registry itself through the admin's static entry), each UP, with the
 * actuator endpoints its views need.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class AdminTest {

    static final String ADMIN = "http://127.0.0.1:9090";

    /** One instance as the admin knows it. */
    record Listed(String name, String serviceUrl, String status, JsonNode endpoints) {
    }

    @Test
    void listsEveryRunningInstanceUp(RunningSystem system) {
        List<ServiceInstance> running = MetricsTest.instances(system);
        assertThat(running).extracting(ServiceInstance::name).contains("book", "book-2", "bff-web", "bff-web-2", "admin");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Listed> listed = listed();
            for (ServiceInstance instance : running) {
                assertThat(listed).as("%s UP in the admin: %s", instance.name(), listed)
                        .anyMatch(entry -> entry.name().equalsIgnoreCase(instance.service().name())
                                && entry.serviceUrl().contains(":" + instance.port())
                                && entry.status().equals("UP"));
            }
        });
    }

    @Test
    void showsHealthMetricsAndLogLevelsOfAService() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            // An assertion, not an exception, while the admin has not listed rental yet: await tries again.
            List<Listed> rentals = listed().stream().filter(entry -> entry.name().equalsIgnoreCase("rental")).toList();
            assertThat(rentals).as("rental in the admin").isNotEmpty();
            assertThat(rentals.getFirst().endpoints().findValuesAsString("id")).contains("health", "metrics", "loggers", "env", "prometheus");
        });
    }

    private static List<Listed> listed() {
        Http.Response response = Http.get(ADMIN + "/instances");
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        List<Listed> listed = new ArrayList<>();
        for (JsonNode instance : response.json()) {
            JsonNode registration = instance.get("registration");
            listed.add(new Listed(registration.get("name").asString(), registration.get("serviceUrl").asString(""),
                    instance.get("statusInfo").get("status").asString(), instance.get("endpoints")));
        }
        return listed;
    }
}
