package dev.bookrental.rental;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The rental service: each member's rental card, event-sourced in the service's own database, and
 * (issue 4) the orchestrator of the rent saga.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "rental", version = "1",
        description = "Rental cards (event-sourced) and, with issue 4, rentals. Errors are RFC 9457 problems (application/problem+json)."))
public class RentalApplication {

    public static void main(String[] args) {
        SpringApplication.run(RentalApplication.class, args);
    }
}
