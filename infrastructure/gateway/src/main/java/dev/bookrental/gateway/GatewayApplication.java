package dev.bookrental.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * API gateway: the single entry of the system. Routes live in the config repository
 * ({@code config/gateway.yml}) and resolve {@code lb://} service names through Eureka.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
