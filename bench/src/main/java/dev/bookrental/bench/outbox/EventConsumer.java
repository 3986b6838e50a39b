package dev.bookrental.bench.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.platform.messaging.Message;

/**
 * The one consumer of both ways: reads every partition of the topic on its own thread, from the
 * end of the topic as it was when created (no consumer group, so no rebalance pauses), reads the
 * envelope and the payload as a service's listener would, and hands each delivery to the round
 * being measured. A delivery it cannot read fails that round.
 */
final class EventConsumer implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<String, String> consumer;
    private final JsonMapper json;
    private final Thread thread;
    private volatile RoundTally round = new RoundTally(0); // nothing is sent before the first round watches
    private volatile boolean running = true;

    /** @param config the service's consumer settings (Spring Boot's {@code spring.kafka.consumer.*}) */
    EventConsumer(Map<String, Object> config, String topic, JsonMapper json) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        this.json = json;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the lazy seek now, before anything is sent
        this.thread = Thread.ofPlatform().name("bench-consumer").start(this::consumeUntilClosed);
    }

    /** From now on every delivery counts for {@code next}. */
    void watch(RoundTally next) {
        round = next;
    }

    private void consumeUntilClosed() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up
        } finally {
            consumer.close();
        }
    }

    private void deliver(ConsumerRecord<String, String> record) {
        RoundTally current = round;
        try {
            Header id = record.headers().lastHeader(Message.ID);
            if (id == null) {
                throw new IllegalStateException("A message without " + Message.ID + " at offset " + record.offset());
            }
            json.readValue(record.value(), BookAdded.class);
            current.arrived(UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)), System.nanoTime(),
                    record.serializedValueSize());
        } catch (RuntimeException e) {
            current.failed(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
    }
}
