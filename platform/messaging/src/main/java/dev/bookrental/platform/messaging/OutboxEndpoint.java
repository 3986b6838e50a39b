package dev.bookrental.platform.messaging;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code outbox} of one instance: {@code GET} gives its relay's state and the
 * service's backlog (messages committed, not yet published); {@code POST {"relay": "paused"}} and
 * {@code {"relay": "running"}} pause and resume this instance's relay, e.g. during broker
 * maintenance. Pausing loses nothing: the messages wait in the outbox.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;
    private final OutboxBacklog backlog;

    public OutboxEndpoint(OutboxRelay relay, OutboxBacklog backlog) {
        this.relay = relay;
        this.backlog = backlog;
    }

    @ReadOperation
    public Status status() {
        return new Status(relay.isPaused() ? RelayState.PAUSED : RelayState.RUNNING, backlog.count());
    }

    @WriteOperation
    public Status relay(String relay) {
        switch (parse(relay)) {
            case PAUSED -> this.relay.pause();
            case RUNNING -> this.relay.resume();
        }
        return status();
    }

    private static RelayState parse(String value) {
        try {
            return RelayState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException("relay must be 'paused' or 'running', not '" + value + "'",
                    "relay must be 'paused' or 'running'");
        }
    }

    public enum RelayState { RUNNING, PAUSED }

    /** @param backlog messages of this service's database committed but not yet published */
    public record Status(RelayState relay, long backlog) {
    }
}
