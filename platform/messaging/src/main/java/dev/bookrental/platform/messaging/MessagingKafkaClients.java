package dev.bookrental.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The Kafka clients of the messaging building block, apart from the service's own: JSON text keys
 * and values whatever serializers the service configures, and a producer that never loses or
 * duplicates a send on retry (acks=all, idempotence on).
 */
public final class MessagingKafkaClients implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> template;
    private final Map<String, Object> consumerConfig;

    MessagingKafkaClients(KafkaProperties properties, ObservationRegistry observations, boolean observe,
            MeterRegistry meters) {
        Map<String, Object> producerConfig = new HashMap<>(properties.buildProducerProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(), new StringSerializer());
        if (meters != null) {
            // The relay's producer is not the one Spring Boot configures: its Kafka metrics are bound here.
            producers.addListener(new MicrometerProducerListener<>(meters));
        }
        this.template = new KafkaTemplate<>(producers);
        if (observe && observations != null) {
            template.setObservationEnabled(true);
            template.setObservationRegistry(observations);
        }
        this.consumerConfig = new HashMap<>(properties.buildConsumerProperties());
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    /** Sends text records; used by the relay, the dead-letter recoverer and replays. */
    public KafkaTemplate<String, String> template() {
        return template;
    }

    /** A consumer without a group that reads assigned partitions and commits nothing; close it. */
    Consumer<String, String> newReader() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
