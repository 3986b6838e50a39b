package dev.bookrental.platform.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messaging of a Bookrental service, switched on by depending on {@code platform/messaging}: the
 * {@link Outbox} and its {@link OutboxRelay}, the {@link IdempotentConsumer}, retries then a
 * dead-letter topic for every {@code @KafkaListener}, and the {@code deadletters} endpoint.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({KafkaTemplate.class, JdbcClient.class})
@EnableConfigurationProperties({MessagingProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    /** Where the migration of the outbox and processed-message tables lives. */
    public static final String MIGRATIONS = "classpath:db/messaging";

    @Bean
    @ConditionalOnMissingBean
    TraceContext messagingTraceContext(BeanFactory beans) {
        if (ClassUtils.isPresent("io.micrometer.tracing.Tracer", getClass().getClassLoader())) {
            return MicrometerTraceContext.of(beans);
        }
        return TraceContext.NONE;
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingKafkaClients messagingKafkaClients(KafkaProperties kafka, ObjectProvider<ObservationRegistry> observations,
            TraceContext traceContext, ObjectProvider<MeterRegistry> meters) {
        return new MessagingKafkaClients(kafka, observations.getIfUnique(),
                traceContext.propagatesOnSend() || kafka.getTemplate().isObservationEnabled(), meters.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DataSource dataSource, JsonMapper json, TraceContext traceContext) {
        return new Outbox(JdbcClient.create(dataSource), json, traceContext);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "bookrental.messaging.outbox.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactions,
            MessagingKafkaClients kafka, TraceContext traceContext, MessagingProperties properties) {
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactions),
                kafka.template(), traceContext, properties.outbox());
    }

    @Bean
    OutboxBacklog outboxBacklog(DataSource dataSource) {
        return new OutboxBacklog(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(DataSource dataSource, PlatformTransactionManager transactions,
            JsonMapper json) {
        return new IdempotentConsumer(JdbcClient.create(dataSource), new TransactionTemplate(transactions), json);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedMessagePruner processedMessagePruner(DataSource dataSource, MessagingProperties properties) {
        return new ProcessedMessagePruner(JdbcClient.create(dataSource), properties.consumer().retention(),
                properties.consumer().pruneInterval());
    }

    /**
     * Retries a failed record with exponential backoff, then publishes it to {@code <topic>.DLT}
     * (any partition, so the DLT may have fewer partitions) and goes on with the next record.
     * A {@link PoisonMessageException} is not retried.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler messagingErrorHandler(MessagingKafkaClients kafka, MessagingProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka.template(),
                (record, exception) -> new TopicPartition(record.topic() + DeadLetter.TOPIC_SUFFIX, -1));
        MessagingProperties.Consumer settings = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(deadLetters, backOff);
        errorHandler.addNotRetryableExceptions(PoisonMessageException.class);
        return errorHandler;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(MessagingKafkaClients kafka, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            TraceContext traceContext, MessagingProperties properties) {
        return new DeadLetters(kafka, () -> consumedTopics(listeners.getIfAvailable()), traceContext,
                properties.deadLetters());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnAvailableEndpoint(DeadLettersEndpoint.class)
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OutboxRelay.class)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnAvailableEndpoint(OutboxEndpoint.class)
    OutboxEndpoint outboxEndpoint(OutboxRelay relay, OutboxBacklog backlog) {
        return new OutboxEndpoint(relay, backlog);
    }

    private static Collection<String> consumedTopics(KafkaListenerEndpointRegistry registry) {
        List<String> topics = new ArrayList<>();
        if (registry != null) {
            for (MessageListenerContainer container : registry.getAllListenerContainers()) {
                String[] names = container.getContainerProperties().getTopics();
                if (names != null) {
                    topics.addAll(Arrays.asList(names));
                }
            }
        }
        return topics;
    }

    /** Adds the messaging tables to the service's own Flyway migrations. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class MessagingMigrations {

        @Bean
        FlywayConfigurationCustomizer messagingMigrationLocation() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                Location messaging = new Location(MIGRATIONS);
                if (!locations.contains(messaging)) {
                    locations.add(messaging);
                    configuration.locations(locations.toArray(Location[]::new));
                }
            };
        }
    }
}
