package dev.bookrental.platform.resilience;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code GET /actuator/resilience}: the thresholds in force and the state of every circuit breaker
 * of this instance — what an operator checks after a bus refresh, and what the system tests read.
 */
@Endpoint(id = "resilience")
public class ResilienceEndpoint {

    private final Resilience resilience;

    public ResilienceEndpoint(Resilience resilience) {
        this.resilience = resilience;
    }

    public record Report(ResilienceProperties thresholds, Map<String, String> circuitBreakers) {
    }

    @ReadOperation
    public Report report() {
        Map<String, String> states = new TreeMap<>();
        resilience.circuitBreakers().getAllCircuitBreakers().forEach(breaker -> states.put(breaker.getName(), breaker.getState().name()));
        return new Report(resilience.current(), states);
    }
}
