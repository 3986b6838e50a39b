package dev.bookrental.query;

import java.time.Clock;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The rental-query service, the read side of CQRS: views of the library built only from the facts
 * book, member and rental publish (the best-book ranking, each member's dashboard), in its own
 * database, rebuilt from the beginning of the topics on demand while it keeps answering.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@OpenAPIDefinition(info = @Info(title = "rental-query", version = "1",
        description = "The read side (CQRS): best books and the member dashboard, eventually consistent with the services that own the data. Errors are RFC 9457 problems (application/problem+json)."))
public class QueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
