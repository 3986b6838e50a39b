package dev.bookrental.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;

/**
 * Dead letters of the topics this service consumes: lists them, and replays one to its original
 * topic as a new delivery of the same message (same {@code message-id}), so a message that was
 * applied in the meantime is still applied only once.
 */
public class DeadLetters {

    /** Header that marks a replayed delivery with the dead letter it came from. */
    public static final String REPLAYED_FROM = "replayed-from";

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final Duration POLL = Duration.ofMillis(200);

    private final MessagingKafkaClients kafka;
    private final Supplier<Collection<String>> consumedTopics;
    private final TraceContext traceContext;
    private final MessagingProperties.DeadLetters settings;

    public DeadLetters(MessagingKafkaClients kafka, Supplier<Collection<String>> consumedTopics,
            TraceContext traceContext, MessagingProperties.DeadLetters settings) {
        this.kafka = kafka;
        this.consumedTopics = consumedTopics;
        this.traceContext = traceContext;
        this.settings = settings;
    }

    /** The dead-letter topics of the consumed topics, {@code <topic>.DLT}. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String topic : consumedTopics.get()) {
            if (!topic.endsWith(DeadLetter.TOPIC_SUFFIX)) {
                topics.add(topic + DeadLetter.TOPIC_SUFFIX);
            }
        }
        return topics;
    }

    /** The latest dead letters of every consumed topic, at most {@code max-listed} per partition. */
    public List<DeadLetter> list() {
        List<DeadLetter> deadLetters = new ArrayList<>();
        try (Consumer<String, String> reader = kafka.newReader()) {
            Set<String> existing = reader.listTopics(settings.readTimeout()).keySet();
            for (String topic : topics()) {
                if (existing.contains(topic)) {
                    deadLetters.addAll(read(reader, topic));
                }
            }
        }
        return deadLetters;
    }

    private List<DeadLetter> read(Consumer<String, String> reader, String topic) {
        List<TopicPartition> partitions = reader.partitionsFor(topic, settings.readTimeout()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        reader.assign(partitions);
        Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions, settings.readTimeout());
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, settings.readTimeout());
        for (TopicPartition partition : partitions) {
            reader.seek(partition, Math.max(begin.get(partition), end.get(partition) - settings.maxListed()));
        }
        List<DeadLetter> deadLetters = new ArrayList<>();
        Instant deadline = Instant.now().plus(settings.readTimeout());
        while (!reachedEnd(reader, end) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    deadLetters.add(toDeadLetter(record));
                }
            }
        }
        return deadLetters;
    }

    private static boolean reachedEnd(Consumer<String, String> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    /**
     * Sends the dead letter at {@code topic}/{@code partition}/{@code offset} again to its original
     * topic, with its key, payload and envelope headers.
     *
     * @throws IllegalArgumentException when there is no such dead letter
     */
    public DeadLetter.Replay replay(String topic, int partition, long offset) {
        ConsumerRecord<String, String> record = fetch(topic, partition, offset);
        DeadLetter deadLetter = toDeadLetter(record);
        String target = deadLetter.originalTopic() != null ? deadLetter.originalTopic()
                : topic.substring(0, topic.length() - DeadLetter.TOPIC_SUFFIX.length());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            boolean traceparentWrittenOnSend = header.key().equals(Message.TRACEPARENT) && traceContext.propagatesOnSend();
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals(REPLAYED_FROM)
                    && !traceparentWrittenOnSend) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8));
        try {
            SendResult<String, String> sent = kafka.template()
                    .send(new ProducerRecord<>(target, null, record.key(), record.value(), headers))
                    .get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new DeadLetter.Replay(deadLetter, target, sent.getRecordMetadata().partition(),
                    sent.getRecordMetadata().offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + topic + "/" + partition + "/" + offset, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not replay " + topic + "/" + partition + "/" + offset, e);
        }
    }

    private ConsumerRecord<String, String> fetch(String topic, int partition, long offset) {
        if (!topics().contains(topic)) {
            throw new IllegalArgumentException(topic + " is not a dead-letter topic of this service: " + topics());
        }
        TopicPartition dlt = new TopicPartition(topic, partition);
        try (Consumer<String, String> reader = kafka.newReader()) {
            List<PartitionInfo> partitions = reader.partitionsFor(topic, settings.readTimeout());
            if (partitions.stream().noneMatch(info -> info.partition() == partition)) {
                throw new IllegalArgumentException("No partition " + partition + " in " + topic);
            }
            reader.assign(List.of(dlt));
            long end = reader.endOffsets(List.of(dlt), settings.readTimeout()).get(dlt);
            if (offset >= end) {
                throw new IllegalArgumentException("No dead letter at " + topic + "/" + partition + "/" + offset);
            }
            reader.seek(dlt, offset);
            Instant deadline = Instant.now().plus(settings.readTimeout());
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        throw new IllegalArgumentException("No dead letter at " + topic + "/" + partition + "/" + offset
                                + " (deleted by retention or compaction)");
                    }
                }
            }
        }
        throw new IllegalStateException("Timed out reading " + topic + "/" + partition + "/" + offset);
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.put(header.key(), text(header));
            }
        }
        Header originalPartition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header originalOffset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                text(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)),
                originalPartition == null ? null : ByteBuffer.wrap(originalPartition.value()).getInt(),
                originalOffset == null ? null : ByteBuffer.wrap(originalOffset.value()).getLong(),
                text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)) != null
                        ? text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                        : text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)),
                text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                headers, record.value());
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
