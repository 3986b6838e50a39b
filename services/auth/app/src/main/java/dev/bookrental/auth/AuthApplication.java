package dev.bookrental.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The auth service: Bookrental's OAuth 2.1 / OpenID Connect authorization server. It keeps the
 * accounts, signs people in, and issues the JWTs every other service trusts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthApplication.class, args);
    }
}
