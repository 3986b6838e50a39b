package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

/**
 * What the system tests do as the library's users, through the gateway with their access tokens:
 * the librarian adds books and copies, a new account registered at auth becomes a member, members
 * rent, return and top up.
 */
final class Library {

    /** The local librarian (config/auth.yml), signed in once per test run. */
    static final User LIBRARIAN = User.librarian();
    /** How long a rent saga may take end to end before a test gives up on it. */
    static final Duration SAGA = Duration.ofSeconds(30);

    private Library() {
    }

    /** A new member with the welcome points, once member has created the profile. */
    static User registeredMember() {
        User member = User.register();
        await().atMost(Duration.ofSeconds(30)).until(() -> me(member).status() == 200);
        return member;
    }

    /**
     * {@code count} new members, registered a few at a time: each costs auth two password hashes
     * (Argon2id, memory-hard and slow on purpose, at most one per core at once), and dozens at once
     * would only queue at auth until their requests time out.
     */
    static List<User> registeredMembers(int count) {
        try (ExecutorService registering = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<User>> members = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(Library::registeredMember, registering)).toList();
            return members.stream().map(CompletableFuture::join).toList();
        }
    }

    /** The member's own profile, as member answers it. */
    static Http.Response me(User member) {
        return Http.get(Http.GATEWAY + "/api/members/me", member.authorization());
    }

    /** A new title with {@code copies} copies; its id. */
    static long addBook(String title, int copies) {
        Http.Response added = Http.postJson(Http.GATEWAY + "/api/books", """
                {"isbn":"%s","title":"%s","authors":["Ada Tester"]}""".formatted(ReliableMessagingTest.randomIsbn(), title),
                LIBRARIAN.authorization());
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        if (copies > 0) {
            Http.Response copy = Http.postJson(Http.GATEWAY + "/api/books/" + id + "/copies", "{\"count\":" + copies + "}",
                    LIBRARIAN.authorization());
            assertThat(copy.status()).isEqualTo(201);
        }
        return id;
    }

    /** The statuses of a book's copies, in copy order. */
    static List<String> copyStatuses(long bookId) {
        return Http.get(Http.GATEWAY + "/api/books/" + bookId + "/copies").json().findValuesAsString("status");
    }

    static int points(User member) {
        return me(member).json().get("points").asInt();
    }

    static Http.Response topUp(User member, int amount) {
        return Http.postJson(Http.GATEWAY + "/api/members/me/points", "{\"amount\":" + amount + "}", member.authorization());
    }

    /** Asks to rent; the raw answer (202 with the rental, or a problem). */
    static Http.Response rent(User member, long bookId) {
        return Http.postJson(Http.GATEWAY + "/api/rentals", "{\"bookId\":" + bookId + "}", member.authorization());
    }

    /** Rents and waits until the saga has ended: the rental, RENTED or REJECTED. */
    static JsonNode rentToTheEnd(User member, long bookId) {
        Http.Response accepted = rent(member, bookId);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        return ended(member, accepted.json().get("rentalId").asString());
    }

    /** The rental once its saga has ended (no longer PENDING). */
    static JsonNode ended(User member, String rentalId) {
        return await().atMost(SAGA).pollInterval(Duration.ofMillis(100))
                .until(() -> rental(member, rentalId).json(), rental -> !"PENDING".equals(rental.get("status").asString()));
    }

    static Http.Response rental(User member, String rentalId) {
        return Http.get(Http.GATEWAY + "/api/rentals/" + rentalId, member.authorization());
    }

    static Http.Response returnBook(User member, String rentalId) {
        return Http.post(Http.GATEWAY + "/api/rentals/" + rentalId + "/return", member.authorization());
    }

    static JsonNode card(User member) {
        return Http.get(Http.GATEWAY + "/api/rental-card", member.authorization()).json();
    }

    /**
     * Waits until rental reaches book again after every book instance was restarted: until then
     * rental's load balancer may still hold an empty list (Eureka fetch every 2 s, then its cache of
     * 4 s, config/application.yml) and its calls to book answer 503. A test that restarts book
     * leaves the system as it found it, so the next test does not meet that window.
     */
    static void awaitRentalReachesBook(User member, long bookId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                Http.get(Http.GATEWAY + "/api/rental-card/eligibility?bookId=" + bookId, member.authorization()).status() == 200);
    }
}
