package dev.bookrental.bff.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Backend for frontend of the browser (BFF): signs people in at auth as an OAuth 2.1 client, keeps
 * their session and tokens server-side in Redis (the browser holds only a session cookie) and calls
 * the API through the gateway on their behalf. Everything it serves lives under {@code /bff/web}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BffWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(BffWebApplication.class, args);
    }
}
