package dev.bookrental.platform.messaging;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code deadletters}: {@code GET} lists the dead letters of the topics the
 * service consumes; {@code POST {"topic": ..., "partition": ..., "offset": ...}} replays one.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @WriteOperation
    public DeadLetter.Replay replay(String topic, int partition, long offset) {
        return deadLetters.replay(topic, partition, offset);
    }
}
