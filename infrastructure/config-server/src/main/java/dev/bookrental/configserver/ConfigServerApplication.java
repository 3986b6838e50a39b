package dev.bookrental.configserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.config.server.EnableConfigServer;

/**
 * External configuration store: serves the repository's {@code config/} folder (native backend;
 * a git repository in production) and, through Spring Cloud Bus on Kafka, tells every running
 * instance to refresh when {@code POST /actuator/busrefresh} is called.
 */
@SpringBootApplication
@EnableConfigServer
public class ConfigServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConfigServerApplication.class, args);
    }
}
