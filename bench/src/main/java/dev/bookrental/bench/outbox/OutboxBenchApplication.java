package dev.bookrental.bench.outbox;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.bookrental.platform.messaging.MessagingAutoConfiguration;

/**
 * The producing service of the benchmark, as small as can be: Spring Boot's auto-configuration
 * with platform/messaging on the class path, so the outbox, the relay (started with the context),
 * the Kafka producer, the connection pool and the Flyway migration of the outbox table are the
 * ones every Bookrental service runs, with their default settings.
 *
 * <p>The benchmarks' class path also holds the rental service's jar (for the event store
 * benchmark), with its {@code application.yml} and Flyway scripts: this application reads no
 * configuration file and migrates the messaging tables only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboxBenchApplication {

    static ConfigurableApplicationContext start(String jdbcUrl, String login, String kafkaBootstrap) {
        return new SpringApplicationBuilder(OutboxBenchApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        "spring.config.name", "outbox-bench", // no such file: not rental's application.yml
                        "spring.flyway.locations", MessagingAutoConfiguration.MIGRATIONS,
                        "spring.application.name", "outbox-bench",
                        "spring.datasource.url", jdbcUrl,
                        "spring.datasource.username", login,
                        "spring.datasource.password", login, // the launcher's local convention: password = login
                        "spring.kafka.bootstrap-servers", kafkaBootstrap))
                .run();
    }
}
