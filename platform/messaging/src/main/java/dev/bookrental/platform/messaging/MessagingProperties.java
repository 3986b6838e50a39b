package dev.bookrental.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the messaging building block, under {@code bookrental.messaging}. */
@ConfigurationProperties("bookrental.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Consumer consumer,
        @DefaultValue DeadLetters deadLetters) {

    /**
     * @param enabled       whether this instance runs a relay
     * @param pollInterval  pause between two polls of the outbox when it was empty
     * @param batchSize     rows published per transaction
     * @param sendTimeout   how long the relay waits for the broker's acknowledgements of a batch
     * @param retention     how long published rows are kept before they are deleted
     */
    public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("100ms") Duration pollInterval,
            @DefaultValue("100") int batchSize, @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("7d") Duration retention) {
    }

    /**
     * @param retries        attempts after the first before a message goes to the dead-letter topic
     * @param initialBackoff pause before the first retry; doubled each time
     * @param maxBackoff     longest pause between two retries
     * @param retention      how long the id of a processed message is kept to skip its copies;
     *                       longer than the topics' retention and any wait before a dead-letter replay
     * @param pruneInterval  how often ids older than the retention are deleted
     */
    public record Consumer(@DefaultValue("3") int retries, @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2s") Duration maxBackoff, @DefaultValue("30d") Duration retention,
            @DefaultValue("1h") Duration pruneInterval) {
    }

    /**
     * @param maxListed     most dead letters listed per topic
     * @param readTimeout   how long the endpoint reads a dead-letter topic
     */
    public record DeadLetters(@DefaultValue("100") int maxListed, @DefaultValue("5s") Duration readTimeout) {
    }
}
