package dev.bookrental.query.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far a feed's consumer group is behind the end of the topics it reads: per topic, the
 * messages published but not yet committed by the group. A rebuild has caught up when it is 0 on
 * every topic; for the active generation it is the consumer lag published as a metric.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;

    ConsumerLag(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** Messages not yet applied by {@code group}, per topic of {@link ProjectionFeed#TOPICS}. */
    public Map<String, Long> of(String group) {
        try {
            Map<String, Long> lag = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var topic : admin.describeTopics(List.of(ProjectionFeed.TOPICS)).topicNameValues().entrySet()) {
                lag.put(topic.getKey(), 0L); // a topic nobody has published to yet: nothing to apply
                describe(topic.getValue()).ifPresent(description -> description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long behind = end.offset() - (done == null ? 0 : done.offset());
                lag.merge(partition.topic(), Math.max(0, behind), Long::sum);
            });
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of " + group + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code group} has applied every message published so far on every topic. */
    public boolean caughtUp(String group) {
        return of(group).values().stream().allMatch(behind -> behind == 0);
    }

    private static Optional<TopicDescription> describe(KafkaFuture<TopicDescription> topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.of(topic.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Forgets a retired generation's consumer group (its offsets), once its feed has stopped. */
    public void forget(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot delete the consumer group " + group + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        admin.close(TIMEOUT);
    }
}
