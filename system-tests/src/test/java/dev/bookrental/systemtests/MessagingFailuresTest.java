package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messaging when things fail: a producer killed between the commit of a change and the publication
 * of its fact loses nothing (the outbox publishes it after the restart, once), and a poison message
 * goes to the dead-letter topic while the consumer goes on with the messages behind it.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class MessagingFailuresTest {

    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @Test
    void producerKilledBetweenCommitAndPublishLosesNothingAndPublishesOnce(RunningSystem system) {
        List<ServiceInstance> books = system.instances("book");
        // Hold every book instance between commit and publish: the change commits, its fact waits.
        books.forEach(book -> Instances.setRelay(book, "paused"));
        String isbn = ReliableMessagingTest.randomIsbn();
        Http.Response added = Http.postJson(Http.GATEWAY + "/api/books", """
                {"isbn":"%s","title":"Survives a Crash","authors":["Kill Nine"],"publishedYear":2026}
                """.formatted(isbn), Library.LIBRARIAN.authorization());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        String bookId = added.json().get("id").asString();
        assertThat(Instances.backlog(books.getFirst())).isPositive();
        assertThat(ofKey(Kafka.readUntil("book.events", Duration.ofSeconds(3), records -> false), bookId))
                .as("not published while the relays are paused").isEmpty();

        books.forEach(ServiceInstance::kill); // SIGKILL: the pause is gone with the process, the row is not
        books.stream().map(book -> CompletableFuture.runAsync(() -> Instances.start(book))).toList()
                .forEach(CompletableFuture::join);

        List<ConsumerRecord<String, String>> published = Kafka.readUntil("book.events", DELIVERED,
                records -> !ofKey(records, bookId).isEmpty());
        assertThat(ofKey(published, bookId)).extracting(r -> Kafka.header(r, "message-type")).containsExactly("BookAdded");
        await().atMost(DELIVERED).until(() -> Instances.backlog(books.getFirst()) == 0);
        assertThat(ofKey(Kafka.readUntil("book.events", Duration.ofSeconds(3), records -> false), bookId))
                .as("published exactly once").hasSize(1);
        assertThat(Http.get(Http.GATEWAY + "/api/books/" + bookId).json().get("isbn").asString()).isEqualTo(isbn);
        Library.awaitRentalReachesBook(Library.registeredMember(), Long.parseLong(bookId));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndConsumingGoesOn(RunningSystem system) {
        String poisonKey = UUID.randomUUID().toString();
        UUID poisonId = UUID.randomUUID();
        String accountId = UUID.randomUUID().toString();

        Kafka.publish("auth.events", poisonKey, poisonId, "AccountRegistered", "{\"accountId\":\"" + poisonKey + "\",\"username\":");
        Kafka.publish("auth.events", accountId, UUID.randomUUID(), "AccountRegistered", """
                {"accountId":"%s","username":"after-poison","displayName":"Behind the Poison"}""".formatted(accountId));

        await().atMost(DELIVERED).untilAsserted(() ->
                assertThat(Http.get(Http.GATEWAY + "/api/members/me", AuthKeys.authorization(AuthKeys.sign(ForgedTokens.memberClaims(accountId)))).status()).isEqualTo(200));
        List<ConsumerRecord<String, String>> deadLetters = Kafka.readUntil("auth.events.DLT", DELIVERED,
                records -> records.stream().anyMatch(r -> poisonId.toString().equals(Kafka.header(r, "message-id"))));
        assertThat(deadLetters).filteredOn(r -> poisonId.toString().equals(Kafka.header(r, "message-id")))
                .singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(poisonKey));
        Http.Response listed = Http.get(system.instances("member").getFirst().baseUrl() + "/actuator/deadletters");
        assertThat(listed.json().findValuesAsString("message-id")).contains(poisonId.toString());
        assertThat(Http.get(Http.GATEWAY + "/api/members/me", AuthKeys.authorization(AuthKeys.sign(ForgedTokens.memberClaims(poisonKey)))).status())
                .as("the poison created nothing").isEqualTo(404);
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
