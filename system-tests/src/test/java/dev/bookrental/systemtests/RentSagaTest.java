package dev.bookrental.systemtests;

import static dev.bookrental.systemtests.Library.addBook;
import static dev.bookrental.systemtests.Library.card;
import static dev.bookrental.systemtests.Library.copyStatuses;
import static dev.bookrental.systemtests.Library.points;
import static dev.bookrental.systemtests.Library.registeredMember;
import static dev.bookrental.systemtests.Library.rentToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The rent saga across rental (orchestrator, event-sourced card), book (copies) and member
 * (points), over Kafka with outboxes and idempotent consumers; and the return, choreographed.
 * Profile {@code systemtest}: a rent costs 40 points, a loan lasts 15 s, a day late costs 50.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class RentSagaTest {

    /** What a rent costs in the system-test profile (config/rental-systemtest.yml). */
    static final int RENT = 40;

    @Test
    void aRentReservesACopyChargesThePointsAndPutsTheLoanOnTheCard() {
        User member = registeredMember();
        long book = addBook("Saga Happy Path", 1);

        Http.Response accepted = Library.rent(member, book);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        String rentalId = accepted.json().get("rentalId").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/rentals/" + rentalId);
        assertThat(accepted.json().get("status").asString()).isEqualTo("PENDING");

        JsonNode rental = Library.ended(member, rentalId);

        assertThat(rental.get("status").asString()).isEqualTo("RENTED");
        assertThat(rental.get("dueAt").asString()).isNotBlank();
        assertThat(copyStatuses(book)).containsExactly("RENTED");
        assertThat(points(member)).isEqualTo(100 - RENT);
        JsonNode card = card(member);
        assertThat(card.get("loans").findValuesAsString("rentalId")).containsExactly(rentalId);
        assertThat(card.get("pending").size()).isZero();
        ApiErrorsTest.assertProblem(Library.rental(registeredMember(), rentalId), 404, "urn:bookrental:problem:rental-not-found");
    }

    @Test
    void noCopyAvailableRejectsTheRentAndChargesNothing() {
        User first = registeredMember();
        User second = registeredMember();
        long book = addBook("Saga Last Copy", 1);
        assertThat(rentToTheEnd(first, book).get("status").asString()).isEqualTo("RENTED");

        JsonNode rejected = rentToTheEnd(second, book);

        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").asString()).isEqualTo("NO_COPY_AVAILABLE");
        assertThat(points(second)).isEqualTo(100);
        assertThat(card(second).get("loans").size()).isZero();
        assertThat(copyStatuses(book)).containsExactly("RENTED");
    }

    @Test
    void insufficientPointsReleasesTheReservedCopyAndLeavesThePointsAlone() {
        User member = registeredMember();
        rentToTheEnd(member, addBook("Saga Points 1", 1));
        rentToTheEnd(member, addBook("Saga Points 2", 1)); // 100 - 2 x 40 = 20 points left
        long book = addBook("Saga Points 3", 1);

        JsonNode rejected = rentToTheEnd(member, book);

        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").asString()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(copyStatuses(book)).as("the compensation released the copy").containsExactly("AVAILABLE");
        assertThat(points(member)).isEqualTo(100 - 2 * RENT);
        assertThat(card(member).get("loans").size()).isEqualTo(2);
    }

    @Test
    void twoMembersRacingForTheLastCopyTwentyTimesGetItExactlyOnceEachTime() {
        try (ExecutorService racers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<User> members = Library.registeredMembers(40);
            for (int round = 0; round < 20; round++) {
                long book = addBook("Saga Race " + round, 1);
                List<User> pair = members.subList(2 * round, 2 * round + 2);
                List<CompletableFuture<JsonNode>> rents = pair.stream()
                        .map(member -> CompletableFuture.supplyAsync(() -> rentToTheEnd(member, book), racers)).toList();
                List<String> outcomes = rents.stream().map(CompletableFuture::join)
                        .map(rental -> rental.get("status").asString() + optional(rental.get("rejection"))).toList();

                assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("RENTED", "REJECTED NO_COPY_AVAILABLE");
                assertThat(copyStatuses(book)).as("round " + round).containsExactly("RENTED");
                assertThat(pair.stream().mapToInt(Library::points).sum()).as("round " + round).isEqualTo(200 - RENT);
            }
        }
    }

    @Test
    void anOverdueLoanSuspendsTheCardUntilTheBookIsBackAndItsLateFeePaid() {
        User member = registeredMember();
        long first = addBook("Saga Overdue 1", 1);
        String rentalId = rentToTheEnd(member, first).get("rentalId").asString();
        rentToTheEnd(member, addBook("Saga Overdue 2", 1)); // 20 points left: less than a day's late fee

        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED".equals(card(member).get("status").asString()));
        ApiErrorsTest.assertProblem(Library.rent(member, addBook("Saga Overdue 3", 1)), 409, "urn:bookrental:problem:rent-not-allowed");

        Http.Response returned = Library.returnBook(member, rentalId);
        assertThat(returned.status()).as(returned.raw().body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("RETURNED");
        await().atMost(Duration.ofSeconds(30)).until(() -> copyStatuses(first).equals(List.of("AVAILABLE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> card(member).get("fees").findValues("unpaid").stream()
                .anyMatch(JsonNode::asBoolean)); // member answered LateFeeOutstanding
        assertThat(card(member).get("status").asString()).as("the fee is owed").isEqualTo("SUSPENDED");
        assertThat(points(member)).as("nothing charged that the balance cannot cover").isEqualTo(20);

        assertThat(Library.topUp(member, 100).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> card(member).get("fees").isEmpty());
        assertThat(points(member)).as("120 less one day late").isEqualTo(120 - 50);
        // the second loan is overdue by now too: returned, its fee is covered at once and the card clears
        String second = card(member).get("loans").get(0).get("rentalId").asString();
        assertThat(Library.returnBook(member, second).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(card(member).get("status").asString()));
        assertThat(points(member)).isEqualTo(120 - 50 - 50);
    }

    @Test
    void aCompensationDueWhileBookIsDownCompletesOnceBookIsBack(RunningSystem system) {
        User member = registeredMember();
        rentToTheEnd(member, addBook("Saga Down 1", 1));
        rentToTheEnd(member, addBook("Saga Down 2", 1)); // 20 points left: the next charge is rejected
        long book = addBook("Saga Down 3", 1);
        ServiceInstance memberService = system.instances("member").getFirst();
        List<ServiceInstance> books = system.instances("book");

        Instances.setRelay(memberService, "paused"); // member's answer to the charge waits in its outbox
        Http.Response accepted = Library.rent(member, book);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        String rentalId = accepted.json().get("rentalId").asString();
        await().atMost(Library.SAGA).until(() -> copyStatuses(book).equals(List.of("RENTED"))); // reserved
        await().atMost(Library.SAGA).until(() -> Instances.backlog(memberService) > 0);           // charge rejected
        books.forEach(ServiceInstance::kill);
        Instances.setRelay(memberService, "running"); // the rejection reaches rental: ReleaseCopy is due, book is down

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                "PENDING".equals(Library.rental(member, rentalId).json().get("status").asString()));
        books.stream().map(instance -> CompletableFuture.runAsync(() -> Instances.start(instance))).toList()
                .forEach(CompletableFuture::join);

        // book's restarted consumers take their partitions back (up to the session timeout), then the next re-send lands
        JsonNode rejected = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Library.rental(member, rentalId).json(), rental -> !"PENDING".equals(rental.get("status").asString()));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejection").asString()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(copyStatuses(book)).containsExactly("AVAILABLE");
        assertThat(points(member)).isEqualTo(100 - 2 * RENT);
        Library.awaitRentalReachesBook(member, book);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        User member = registeredMember();
        int version = card(member).get("version").asInt();

        ApiErrorsTest.assertProblem(Library.rent(member, 99_999_999), 404, "urn:bookrental:problem:book-not-found");
        ApiErrorsTest.assertProblem(Http.postJson(Http.GATEWAY + "/api/rentals", "{\"bookId\":-1}", member.authorization()),
                400, "urn:bookrental:problem:invalid-body");
        ApiErrorsTest.assertProblem(Library.rental(member, "not-a-rental"), 400, "urn:bookrental:problem:invalid-parameter");
        ApiErrorsTest.assertProblem(Library.returnBook(member, UUID.randomUUID().toString()), 404,
                "urn:bookrental:problem:rental-not-found");
        assertThat(card(member).get("version").asInt()).as("no event appended").isEqualTo(version);

        long book = addBook("Saga Bad Input", 1);
        String rentalId = rentToTheEnd(member, book).get("rentalId").asString();
        ApiErrorsTest.assertProblem(Library.returnBook(registeredMember(), rentalId), 404, "urn:bookrental:problem:rental-not-found");
        assertThat(Library.returnBook(member, rentalId).status()).isEqualTo(200);
        int afterReturn = card(member).get("version").asInt();
        ApiErrorsTest.assertProblem(Library.returnBook(member, rentalId), 409, "urn:bookrental:problem:rental-not-out");
        assertThat(card(member).get("version").asInt()).as("no event appended").isEqualTo(afterReturn);
    }

    private static String optional(JsonNode rejection) {
        return rejection == null || rejection.isNull() ? "" : " " + rejection.asString();
    }
}
