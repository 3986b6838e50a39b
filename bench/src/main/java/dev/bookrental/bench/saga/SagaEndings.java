package dev.bookrental.bench.saga;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.messaging.Message;
import dev.bookrental.rental.api.RentalTopics;

/**
 * Notes the moment each rent saga ends, from rental's own announcement of it: {@code BookRented}
 * or {@code RentRejected} on {@code rental.events}. One plain consumer on every partition, from
 * the end of the topic, no group (no rebalance pause), polling on its own thread.
 *
 * <p>Why not poll {@code GET /api/rentals/{id}}: a poll every 100 ms adds up to 100 ms to each
 * latency and a request per poll to the load measured; the event arrives once, a few milliseconds
 * after rental's outbox relay publishes it.
 */
final class SagaEndings implements AutoCloseable {

    /** How a saga ended: RENTED or REJECTED (with the reason), and when the bench saw it ({@link System#nanoTime()}). */
    record Ending(String status, String reason, long nanos) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, CompletableFuture<Ending>> endings = new ConcurrentHashMap<>();
    private final Queue<String> unreadable = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    SagaEndings(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(RentalTopics.EVENTS).stream()
                .map(partition -> new TopicPartition(RentalTopics.EVENTS, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the lazy seek before any rent is sent
        thread = Thread.ofPlatform().name("saga-endings").start(this::consumeUntilClosed);
    }

    /** Waits for the end of the saga of {@code rentalId}; throws when it has not ended within {@code timeout}. */
    Ending await(String rentalId, Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return future(rentalId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            endings.remove(rentalId);
        }
    }

    /** Deliveries that could not be read (no message type, no rental id): any makes the run invalid. */
    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** The event may arrive before the client asks for it (or the other way round): both share one future. */
    private CompletableFuture<Ending> future(String rentalId) {
        return endings.computeIfAbsent(rentalId, id -> new CompletableFuture<>());
    }

    private void consumeUntilClosed() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    deliver(record, System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up
        } finally {
            consumer.close();
        }
    }

    private void deliver(ConsumerRecord<String, String> record, long nanos) {
        Header type = record.headers().lastHeader(Message.TYPE);
        try {
            String typeName = new String(type.value(), StandardCharsets.UTF_8);
            if (typeName.equals("BookRented") || typeName.equals("RentRejected")) {
                JsonNode event = json.readTree(record.value());
                String status = typeName.equals("BookRented") ? "RENTED" : "REJECTED";
                String reason = event.has("reason") ? event.get("reason").asString() : null;
                future(event.get("rentalId").asString()).complete(new Ending(status, reason, nanos));
            }
        } catch (RuntimeException e) {
            unreadable.add("offset " + record.offset() + ": " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
    }
}
