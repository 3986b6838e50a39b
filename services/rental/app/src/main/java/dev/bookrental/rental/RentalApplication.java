package dev.bookrental.rental;

import java.time.Clock;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The rental service: each member's rental card, event-sourced in the service's own database, and
 * the orchestrator of the rent saga; its scheduled jobs time out saga steps, re-send compensations
 * and find overdue loans.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@OpenAPIDefinition(info = @Info(title = "rental", version = "1",
        description = "Rental cards (event-sourced) and rentals (the rent saga). Errors are RFC 9457 problems (application/problem+json)."))
public class RentalApplication {

    public static void main(String[] args) {
        SpringApplication.run(RentalApplication.class, args);
    }

    /** The time of day the rules see: due dates, deadlines, overdue days. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
