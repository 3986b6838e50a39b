package dev.bookrental.rental.remote;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** A service rental needs an answer from did not give one in time: 503, try again shortly. */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String service, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The " + service + " service did not answer in time; try again shortly.", Map.of("service", service),
                cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
}
