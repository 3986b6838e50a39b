package dev.bookrental.rental;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The rental service: each member's rental card, event-sourced in the service's own database, and
 * (issue 4) the orchestrator of the rent saga.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RentalApplication {

    public static void main(String[] args) {
        SpringApplication.run(RentalApplication.class, args);
    }
}
