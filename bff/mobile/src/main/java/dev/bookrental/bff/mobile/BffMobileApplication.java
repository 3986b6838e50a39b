package dev.bookrental.bff.mobile;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Backend for frontend of phones and command-line clients (BFF): a bearer-token API under
 * {@code /bff/mobile} that answers a screen in one compact request, composed from several services
 * called in parallel, instead of a chatty client making each call over a slow mobile network.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BffMobileApplication {

    public static void main(String[] args) {
        SpringApplication.run(BffMobileApplication.class, args);
    }
}
