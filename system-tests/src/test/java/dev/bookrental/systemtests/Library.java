package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What the system tests do as the library's users, through the gateway: a librarian adds books and
 * copies, a new account becomes a member (its {@code AccountRegistered} published as auth will),
 * members rent, return and top up.
 */
final class Library {

    static final String LIBRARIAN = "LIBRARIAN";
    /** How long a rent saga may take end to end before a test gives up on it. */
    static final Duration SAGA = Duration.ofSeconds(30);

    private Library() {
    }

    /** A new member with the welcome points, once member has created the profile. */
    static String registeredMember() {
        String accountId = UUID.randomUUID().toString();
        Kafka.publish("auth.events", accountId, UUID.randomUUID(), "AccountRegistered", """
                {"accountId":"%s","username":"reader-%s","displayName":"A Reader"}""".formatted(accountId, accountId.substring(0, 8)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(Http.GATEWAY + "/api/members/me", "X-User-Id", accountId).status() == 200);
        return accountId;
    }

    /** A new title with {@code copies} copies; its id. */
    static long addBook(String title, int copies) {
        Http.Response added = Http.postJson(Http.GATEWAY + "/api/books", """
                {"isbn":"%s","title":"%s","authors":["Ada Tester"]}""".formatted(ReliableMessagingTest.randomIsbn(), title),
                "X-User-Roles", LIBRARIAN);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        if (copies > 0) {
            Http.Response copy = Http.postJson(Http.GATEWAY + "/api/books/" + id + "/copies", "{\"count\":" + copies + "}",
                    "X-User-Roles", LIBRARIAN);
            assertThat(copy.status()).isEqualTo(201);
        }
        return id;
    }

    /** The statuses of a book's copies, in copy order. */
    static List<String> copyStatuses(long bookId) {
        return Http.get(Http.GATEWAY + "/api/books/" + bookId + "/copies").json().findValuesAsString("status");
    }

    static int points(String memberId) {
        return Http.get(Http.GATEWAY + "/api/members/me", "X-User-Id", memberId).json().get("points").asInt();
    }

    static Http.Response topUp(String memberId, int amount) {
        return Http.postJson(Http.GATEWAY + "/api/members/me/points", "{\"amount\":" + amount + "}", "X-User-Id", memberId);
    }

    /** Asks to rent; the raw answer (202 with the rental, or a problem). */
    static Http.Response rent(String memberId, long bookId) {
        return Http.postJson(Http.GATEWAY + "/api/rentals", "{\"bookId\":" + bookId + "}", "X-User-Id", memberId);
    }

    /** Rents and waits until the saga has ended: the rental, RENTED or REJECTED. */
    static JsonNode rentToTheEnd(String memberId, long bookId) {
        Http.Response accepted = rent(memberId, bookId);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        return ended(memberId, accepted.json().get("rentalId").asString());
    }

    /** The rental once its saga has ended (no longer PENDING). */
    static JsonNode ended(String memberId, String rentalId) {
        return await().atMost(SAGA).pollInterval(Duration.ofMillis(100))
                .until(() -> rental(memberId, rentalId).json(), rental -> !"PENDING".equals(rental.get("status").asString()));
    }

    static Http.Response rental(String memberId, String rentalId) {
        return Http.get(Http.GATEWAY + "/api/rentals/" + rentalId, "X-User-Id", memberId);
    }

    static Http.Response returnBook(String memberId, String rentalId) {
        return Http.post(Http.GATEWAY + "/api/rentals/" + rentalId + "/return", "X-User-Id", memberId);
    }

    static JsonNode card(String memberId) {
        return Http.get(Http.GATEWAY + "/api/rental-card", "X-User-Id", memberId).json();
    }
}
