package dev.bookrental.logs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Central log aggregation: ships every service's JSON log lines into OpenSearch without losing or
 * duplicating one, and answers searches over them (API and page on the same port).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LogsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LogsApplication.class, args);
    }
}
