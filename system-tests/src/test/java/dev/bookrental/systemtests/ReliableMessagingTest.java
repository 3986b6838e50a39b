package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messaging over Kafka with a transactional outbox and idempotent consumers: a state change and
 * its fact are published together, in Bookrental's envelope; an event reaches its consumer and a
 * redelivered one is applied once.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class ReliableMessagingTest {

    @Test
    void librarianChangesArePublishedAsFactsInTheEnvelope() {
        String isbn = randomIsbn();
        Http.Response added = Http.postJson(Http.GATEWAY + "/api/books", """
                {"isbn":"%s","title":"A Test of Outboxes","authors":["Ada Tester"],"publisher":"Bookrental","publishedYear":2026}
                """.formatted(isbn), Library.LIBRARIAN.authorization());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        long bookId = added.json().get("id").asLong();
        assertThat(added.header("Location")).isEqualTo("/api/books/" + bookId);
        Http.Response copies = Http.postJson(Http.GATEWAY + "/api/books/" + bookId + "/copies", "{\"count\":2}",
                Library.LIBRARIAN.authorization());
        assertThat(copies.status()).isEqualTo(201);
        assertThat(copies.json().findValuesAsString("status")).containsExactly("AVAILABLE", "AVAILABLE");

        List<ConsumerRecord<String, String>> facts = Kafka.readUntil("book.events", Duration.ofSeconds(30),
                records -> ofBook(records, bookId).size() >= 3);

        List<ConsumerRecord<String, String>> mine = ofBook(facts, bookId);
        assertThat(mine).extracting(r -> Kafka.header(r, "message-type")).containsExactly("BookAdded", "CopyAdded", "CopyAdded");
        assertThat(mine).allSatisfy(record -> {
            assertThat(UUID.fromString(Kafka.header(record, "message-id"))).isNotNull();
            assertThat(Kafka.header(record, "schema-version")).isEqualTo("1");
            assertThat(Kafka.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        });
        assertThat(Http.json(mine.getFirst().value()).get("isbn").asString()).isEqualTo(isbn);
    }

    @Test
    void nonLibrarianChangesNothing() {
        String isbn = randomIsbn();
        Http.Response refused = Http.postJson(Http.GATEWAY + "/api/books", """
                {"isbn":"%s","title":"Not Allowed","authors":["Nobody"]}""".formatted(isbn), Library.registeredMember().authorization());

        ApiErrorsTest.assertProblem(refused, 403, "urn:bookrental:problem:forbidden");
        assertThat(Http.get(Http.GATEWAY + "/api/books?q=" + isbn).json().get("totalElements").asInt()).isZero();
    }

    @Test
    void registrationCreatesTheMemberWithWelcomePointsExactlyOnce() {
        String accountId = UUID.randomUUID().toString();
        UUID messageId = UUID.randomUUID();
        String event = """
                {"accountId":"%s","username":"reader-%s","displayName":"A Reader"}""".formatted(accountId, accountId.substring(0, 8));

        Kafka.publish("auth.events", accountId, messageId, "AccountRegistered", event);
        Kafka.publish("auth.events", accountId, messageId, "AccountRegistered", event);          // redelivered
        Kafka.publish("auth.events", accountId, UUID.randomUUID(), "AccountRegistered", event);  // sent twice by a producer

        // A token auth would issue to that account, signed with auth's own key: the profile is member's answer.
        String[] asTheAccount = AuthKeys.authorization(AuthKeys.sign(ForgedTokens.memberClaims(accountId)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Http.get(Http.GATEWAY + "/api/members/me", asTheAccount).status()).isEqualTo(200));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                assertThat(Http.get(Http.GATEWAY + "/api/members/me", asTheAccount).json().get("points").asInt()).isEqualTo(100));
    }

    @Test
    void topUpAddsPointsAndBadAmountsChangeNothing() {
        User member = Library.registeredMember();

        Http.Response topUp = Http.postJson(Http.GATEWAY + "/api/members/me/points", "{\"amount\":50}", member.authorization());
        assertThat(topUp.status()).as(topUp.raw().body()).isEqualTo(200);
        assertThat(topUp.json().get("points").asInt()).isEqualTo(150);

        for (String bad : List.of("{\"amount\":0}", "{\"amount\":-5}", "{\"amount\":10001}", "{\"amount\":\"ten\"}",
                "{\"amount\":1e30}", "{\"amount\":99999999999999999999}", "{}")) {
            Http.Response refused = Http.postJson(Http.GATEWAY + "/api/members/me/points", bad, member.authorization());
            ApiErrorsTest.assertProblem(refused, 400, "urn:bookrental:problem:invalid-body");
            assertThat(refused.json().get("errors").findValuesAsString("name")).as(bad).containsExactly("amount");
        }
        Http.Response unknownField = Http.postJson(Http.GATEWAY + "/api/members/me/points", "{\"amount\":5,\"bonus\":1000}",
                member.authorization());
        assertThat(unknownField.json().get("errors").findValuesAsString("name")).containsExactly("bonus");
        assertThat(Library.points(member)).isEqualTo(150);
    }

    private static List<ConsumerRecord<String, String>> ofBook(List<ConsumerRecord<String, String>> records, long bookId) {
        return records.stream().filter(r -> Long.toString(bookId).equals(r.key())).toList();
    }

    /** A fresh ISBN-13 (prefix 979) with a correct check digit, so each run adds a new title. */
    static String randomIsbn() {
        StringBuilder digits = new StringBuilder("979");
        for (int i = 0; i < 9; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }
}
