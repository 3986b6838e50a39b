package dev.bookrental.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production monitoring files in deploy/ (docs/patterns/monitoring.md), checked offline: the
 * Prometheus scrape configuration finds the instances in Eureka and scrapes their Prometheus
 * endpoint; the Grafana dashboard is JSON whose every panel queries Prometheus. That every metric
 * the dashboard queries exists is the system test MetricsTest's part.
 */
class DeployMonitoringFilesTests {

    private static final Path DEPLOY = Path.of("../../deploy");

    @Test
    @SuppressWarnings("unchecked")
    void prometheusDiscoversEveryInstanceThroughEurekaAndScrapesItsPrometheusEndpoint() throws IOException {
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("prometheus/prometheus.yml"))) {
            config = new Yaml().load(reader);
        }

        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        Map<String, Object> services = jobs.stream().filter(job -> job.containsKey("eureka_sd_configs")).findFirst().orElseThrow();
        assertThat(services.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<Map<String, Object>> eureka = (List<Map<String, Object>>) services.get("eureka_sd_configs");
        assertThat(eureka).singleElement().extracting(sd -> sd.get("server")).asString().endsWith(":8761/eureka");
        List<Map<String, Object>> relabels = (List<Map<String, Object>>) services.get("relabel_configs");
        assertThat(relabels).allSatisfy(relabel -> assertThat(relabel.get("action"))
                .isIn(null, "keep", "drop", "replace", "lowercase", "labelmap", "labeldrop", "labelkeep"));
        assertThat(relabels).anySatisfy(relabel -> {
            assertThat(relabel.get("source_labels")).isEqualTo(List.of("__meta_eureka_app_instance_status"));
            assertThat(relabel.get("action")).isEqualTo("keep");
        });
        assertThat(jobs).extracting(job -> job.get("job_name")).doesNotHaveDuplicates().contains("bookrental", "discovery");
    }

    @Test
    void everyPanelOfTheDashboardQueriesPrometheus() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DEPLOY.resolve("grafana/bookrental-dashboard.json")));

        assertThat(dashboard.get("uid").asString()).isEqualTo("bookrental");
        List<JsonNode> panels = dashboard.get("panels").valueStream().filter(panel -> !panel.get("type").asString().equals("row")).toList();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10).allSatisfy(panel -> {
            assertThat(panel.get("datasource").get("type").asString()).isEqualTo("prometheus");
            assertThat(panel.get("targets").findValuesAsString("expr")).as(panel.get("title").asString()).isNotEmpty()
                    .allSatisfy(expr -> assertThat(expr).contains("{"));
        });
        assertThat(panels).extracting(panel -> panel.get("title").asString()).doesNotHaveDuplicates();
    }
}
