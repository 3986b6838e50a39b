package dev.bookrental.platform.messaging;

import static dev.bookrental.platform.messaging.OutboxTests.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;

import dev.bookrental.platform.messaging.MessagingTestApplication.Observer;
import dev.bookrental.platform.messaging.MessagingTestApplication.Projection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Retries, the dead-letter topic and the {@code deadletters} endpoint, against a real Kafka. */
class DeadLetterTests extends MessagingSliceTest {

    private static final Duration DEAD_LETTERED = Duration.ofSeconds(20);
    private static final String MEMBER_DLT = TestInfrastructure.MEMBER_EVENTS + ".DLT";

    @Autowired MessagingTestApplication.Sender sender;
    @Autowired Observer observer;
    @Autowired Projection projection;
    @Autowired JsonMapper json;
    @Autowired Environment environment;

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWhileTheNextMessageIsStillConsumed() {
        UUID poison = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        sender.send(poison, "BookReserved", 1, "book-20", "{\"bookId\": not json");
        sender.send(next, "BookReserved", 1, "book-20", "{\"bookId\":\"book-20\",\"memberId\":\"member-20\"}");

        ConsumerRecord<String, String> deadLetter = await().atMost(DEAD_LETTERED)
                .until(() -> deadLetterOf(poison), record -> record != null);
        await().atMost(DEAD_LETTERED).until(() -> sender.effects(next) == 1);

        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TestInfrastructure.MEMBER_EVENTS);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("Unreadable message " + poison);
        assertThat(deadLetter.value()).isEqualTo("{\"bookId\": not json");
        assertThat(sender.effects(poison)).isZero();
    }

    @Test
    void deadLetterOfATransientFailureIsListedAndAReplayIsAppliedOnce() {
        UUID failing = UUID.randomUUID();
        projection.failWhileHandling(failing);
        sender.send(failing, "BookReserved", 1, "book-21", "{\"bookId\":\"book-21\",\"memberId\":\"member-21\"}");
        await().atMost(DEAD_LETTERED).until(() -> deadLetterOf(failing), record -> record != null);
        assertThat(sender.effects(failing)).as("the failed attempts left no effect").isZero();

        JsonNode listed = await().atMost(DEAD_LETTERED).until(() -> listedDeadLetter(failing), node -> node != null);
        assertThat(listed.get("topic").asString()).isEqualTo(MEMBER_DLT);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(TestInfrastructure.MEMBER_EVENTS);
        assertThat(listed.get("exceptionMessage").asString()).contains("transient outage");
        assertThat(listed.get("key").asString()).isEqualTo("book-21");
        assertThat(json.readTree(listed.get("payload").asString()).get("memberId").asString()).isEqualTo("member-21");

        projection.recover(failing);
        JsonNode replay = replay(listed);
        assertThat(replay.get("topic").asString()).isEqualTo(TestInfrastructure.MEMBER_EVENTS);
        await().atMost(DEAD_LETTERED).until(() -> sender.effects(failing) == 1);

        replay(listed);
        UUID marker = UUID.randomUUID();
        sender.send(marker, "BookReserved", 1, "book-21", "{\"bookId\":\"book-21\",\"memberId\":\"member-22\"}");
        await().atMost(DEAD_LETTERED).until(() -> sender.effects(marker) == 1);
        assertThat(sender.effects(failing)).as("a second replay of the same message-id is skipped").isEqualTo(1);
    }

    private ConsumerRecord<String, String> deadLetterOf(UUID id) {
        return observer.received.stream()
                .filter(r -> r.topic().equals(MEMBER_DLT) && id.toString().equals(header(r, Message.ID)))
                .findFirst().orElse(null);
    }

    private JsonNode listedDeadLetter(UUID id) {
        String body = actuator().get().uri("/actuator/deadletters").retrieve().body(String.class);
        return StreamSupport.stream(json.readTree(body).spliterator(), false)
                .filter(node -> id.toString().equals(node.path("headers").path(Message.ID).asString(null)))
                .findFirst().orElse(null);
    }

    private JsonNode replay(JsonNode deadLetter) {
        String request = json.writeValueAsString(java.util.Map.of("topic", deadLetter.get("topic").asString(),
                "partition", deadLetter.get("partition").asInt(), "offset", deadLetter.get("offset").asLong()));
        String body = actuator().post().uri("/actuator/deadletters").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(String.class);
        return json.readTree(body);
    }

    private RestClient actuator() {
        return RestClient.create("http://localhost:" + environment.getProperty("local.server.port"));
    }
}
