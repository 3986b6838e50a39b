package dev.bookrental.admin;

import de.codecentric.boot.admin.server.config.EnableAdminServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Monitoring UI (Spring Boot Admin): lists every instance registered in Eureka, and shows for each
 * its health, metrics, environment and log levels, read from the instance's actuator endpoints.
 * Nothing registers with it: it discovers instances through Spring Cloud's discovery client, so a
 * new instance appears and a dead one turns OFFLINE without any configuration.
 */
@SpringBootApplication
@EnableAdminServer
public class AdminApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminApplication.class, args);
    }
}
