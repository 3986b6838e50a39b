package dev.bookrental.systemtests;

import static dev.bookrental.systemtests.Library.addBook;
import static dev.bookrental.systemtests.Library.registeredMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bookrental.launcher.Bookrental;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.Service;
import dev.bookrental.launcher.ServiceInstance;
import dev.bookrental.launcher.SystemTopology;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Metrics (docs/patterns/monitoring.md): every instance of every service exports HTTP and JVM
 * metrics on {@code /actuator/prometheus}; the services with messaging their consumer lag and
 * outbox backlog; rental its saga's rate and latency per outcome; and every metric the Grafana
 * dashboard in deploy/ queries is one the running system exports.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class MetricsTest {

    /** The services whose consumers and outbox the platform's messaging runs. */
    private static final List<String> MESSAGING = List.of("book", "member", "rental");
    private static final Path DASHBOARD = Path.of("deploy", "grafana", "bookrental-dashboard.json");
    /** A metric selector in a PromQL expression: a name followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @Test
    void everyInstanceExportsHttpAndJvmMetrics(RunningSystem system) {
        for (ServiceInstance instance : instances(system)) {
            Set<String> names = Prometheus.scrape(instance.baseUrl()).names();

            assertThat(names).as(instance.name()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                    "jvm_threads_live_threads", "process_cpu_usage");
        }
    }

    @Test
    void servicesWithMessagingExportConsumerLagProducerSendsAndOutboxBacklog(RunningSystem system) {
        aRental(); // every relay has sent: book, member and rental's producers exist
        for (String service : MESSAGING) {
            for (ServiceInstance instance : system.instances(service)) {
                Set<String> names = Prometheus.scrape(instance.baseUrl()).names();

                assertThat(names).as(instance.name()).contains("kafka_consumer_fetch_manager_records_lag_max",
                        "outbox_backlog_messages", "kafka_producer_record_send_total");
            }
        }
    }

    @Test
    void aRentalCountsInTheSagaTimerOfItsOutcome(RunningSystem system) {
        String rental = system.instances("rental").getFirst().baseUrl();
        double rentedBefore = Prometheus.scrape(rental).sum("rental_saga_seconds_count", "outcome=\"RENTED\"");
        double startedBefore = Prometheus.scrape(rental).sum("rental_saga_started_total");
        aRental();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Prometheus scrape = Prometheus.scrape(rental);
            assertThat(scrape.sum("rental_saga_seconds_count", "outcome=\"RENTED\"", "reason=\"NONE\"")).isEqualTo(rentedBefore + 1);
            assertThat(scrape.sum("rental_saga_started_total")).isGreaterThanOrEqualTo(startedBefore + 1);
            assertThat(scrape.names()).contains("rental_saga_seconds_bucket", "rental_saga_seconds_sum");
        });
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported(RunningSystem system) throws IOException {
        aRental(); // the saga's timer and the relays' producers exist once a rental went through
        Set<String> exported = exported(system);
        Set<String> queried = dashboardMetrics();
        queried.removeIf(MetricsTest::isCircuitBreakerMetric);

        assertThat(queried).isNotEmpty();
        assertThat(exported).containsAll(queried);
    }

    /**
     * The circuit-breaker panel reads Resilience4j's meters, exported by the services that use
     * Resilience4j (issue 6 item 1): checked once any service exports them.
     */
    @Test
    void everyCircuitBreakerMetricTheDashboardQueriesIsExported(RunningSystem system) throws IOException {
        Set<String> exported = exported(system);
        assumeThat(exported).as("no service exports Resilience4j metrics yet").anyMatch(MetricsTest::isCircuitBreakerMetric);
        Set<String> queried = dashboardMetrics();
        queried.removeIf(name -> !isCircuitBreakerMetric(name));

        assertThat(queried).isNotEmpty();
        assertThat(exported).containsAll(queried);
    }

    /** One rental through the whole saga, RENTED. */
    private static void aRental() {
        User member = registeredMember();
        assertThat(Library.rentToTheEnd(member, addBook("Measured Rental", 1)).get("status").asString()).isEqualTo("RENTED");
    }

    private static boolean isCircuitBreakerMetric(String name) {
        return name.startsWith("resilience4j_");
    }

    private static Set<String> exported(RunningSystem system) {
        Set<String> names = new TreeSet<>();
        instances(system).forEach(instance -> names.addAll(Prometheus.scrape(instance.baseUrl()).names()));
        return names;
    }

    /** Every metric name the dashboard's panels query. */
    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = Http.json(Files.readString(Bookrental.home().resolve(DASHBOARD)));
        Set<String> names = new TreeSet<>();
        for (String expression : dashboard.findValuesAsString("expr")) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                names.add(selector.group(1));
            }
        }
        return names;
    }

    /** Every running instance of every service of the system. */
    static List<ServiceInstance> instances(RunningSystem system) {
        return SystemTopology.bookrental().components().stream()
                .filter(Service.class::isInstance)
                .flatMap(service -> system.instances(service.name()).stream())
                .filter(ServiceInstance::isAlive)
                .toList();
    }
}
