package dev.bookrental.platform.messaging;

import java.util.Map;

/**
 * A record of a dead-letter topic, as the {@code deadletters} endpoint lists it.
 *
 * @param topic             the dead-letter topic, {@code <original topic>.DLT}
 * @param partition         partition in the dead-letter topic
 * @param offset            offset in the dead-letter topic; with topic and partition, what to replay
 * @param key               the original key
 * @param originalTopic     where the message failed
 * @param originalPartition its partition there
 * @param originalOffset    its offset there
 * @param exceptionClass    the class of the last failure
 * @param exceptionMessage  the message of the last failure
 * @param headers           the message's own headers (message-id, message-type, ...), as text
 * @param payload           the payload as it was received
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
        Integer originalPartition, Long originalOffset, String exceptionClass, String exceptionMessage,
        Map<String, String> headers, String payload) {

    /** Suffix of a dead-letter topic. */
    public static final String TOPIC_SUFFIX = ".DLT";

    /** What a replay did: the dead letter, and where its new delivery landed. */
    public record Replay(DeadLetter deadLetter, String topic, int partition, long offset) {
    }
}
