package dev.bookrental.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The JSON log file every service writes for the central logs (docs/patterns/central-logs.md). */
class StructuredLogFileTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesOneEcsObjectPerLineWithServiceInstanceAndTraceIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("book-2.json");
        try (ConfigurableApplicationContext context = start("--logging.file.name=" + file, "--spring.application.name=book",
                "--BOOKRENTAL_INSTANCE=book-2")) {
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            MDC.put("spanId", "00f067aa0ba902b7");
            try {
                LoggerFactory.getLogger("dev.bookrental.book.Catalog").warn("copy {} reserved", 42);
            } finally {
                MDC.clear();
            }
        }
        List<JsonNode> lines = Files.readAllLines(file).stream().map(json::readTree).toList();
        JsonNode line = lines.stream().filter(l -> l.path("message").asString().equals("copy 42 reserved")).findFirst().orElseThrow();
        assertThat(line.path("@timestamp").asString()).isNotBlank();
        assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
        assertThat(line.path("log").path("logger").asString()).isEqualTo("dev.bookrental.book.Catalog");
        assertThat(line.path("service").path("name").asString()).isEqualTo("book");
        assertThat(line.path("service").path("node").path("name").asString()).isEqualTo("book-2");
        // Renamed MDC entries are written as one dotted key, the form Elastic's own ECS loggers use
        // and OpenSearch reads as trace → id.
        assertThat(line.path("trace.id").asString()).as(line.toString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.path("span.id").asString()).isEqualTo("00f067aa0ba902b7");
        assertThat(line.has("traceId")).isFalse();
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--spring.cloud.config.enabled=false", "--eureka.client.enabled=false", "--spring.cloud.discovery.enabled=false",
                "--spring.cloud.bus.enabled=false")).toArray(String[]::new);
        return application.run(all);
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
