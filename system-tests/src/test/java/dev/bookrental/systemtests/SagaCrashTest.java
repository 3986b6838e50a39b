package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The rent saga survives crashes: 200 rents are asked for over a minute; during its first half,
 * rental, book and member instances are killed with SIGKILL at random moments and started again.
 * A restarted instance takes longer to come back (about 20 s on two cores) than a saga waits for a
 * step (10 s), so the sagas caught by the kills are compensated; the rents of the second half meet
 * a system that is coming back or back, so some become loans. Afterwards every saga has ended and
 * the three services' own records reconcile exactly: each member's points are 100 less the rent of
 * each loan on their card, and each book's RENTED copies are the loans of that book on all cards —
 * nothing lost, nothing applied twice.
 */
@Order(4)
@ExtendWith(BookrentalSystem.class)
class SagaCrashTest {

    private static final int RENT = 40;
    private static final int RENTS = 200;
    private static final int MEMBERS = 50;  // 4 rents each, of 4 books: at 40 points, 2 succeed and the rest compensate
    private static final int BOOKS = 20;
    private static final int COPIES = 3;    // 60 copies for up to 100 loans: some rents find none
    private static final List<String> VICTIMS = List.of("rental", "book", "member");
    private static final int RENT_WINDOW_MS = 60_000; // the rents are asked at random moments within it
    private static final Duration KILLING = Duration.ofSeconds(30); // instances are killed during its first half

    @Test
    void everySagaEndsAndCopiesAndPointsReconcileWithTheCardsAfterRandomKills(RunningSystem system) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<User> members = Library.registeredMembers(MEMBERS);
            List<Long> books = all(pool, BOOKS, () -> Library.addBook("Saga Crash", COPIES));

            long killUntil = System.nanoTime() + KILLING.toNanos();
            CompletableFuture<Integer> killer = CompletableFuture.supplyAsync(() -> killUntil(system, killUntil), pool);
            AtomicInteger accepted = new AtomicInteger();
            Map<String, Integer> outcomes = new ConcurrentHashMap<>(); // each rent's last answer: why it was not accepted
            List<CompletableFuture<Void>> rents = new ArrayList<>();
            for (int i = 0; i < RENTS; i++) {
                User member = members.get(i % MEMBERS);
                long book = books.get((i % MEMBERS + i / MEMBERS) % BOOKS); // a member's four rents: four different books
                rents.add(CompletableFuture.runAsync(() -> {
                    pause(ThreadLocalRandom.current().nextInt(RENT_WINDOW_MS));
                    String outcome = rentOutcome(member, book);
                    outcomes.merge(outcome, 1, Integer::sum);
                    if (outcome.equals("202")) {
                        accepted.incrementAndGet();
                    }
                }, pool));
            }
            rents.forEach(CompletableFuture::join);
            int kills = killer.join();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> members.stream().allMatch(member -> Library.card(member).get("pending").isEmpty()));

            Map<Long, Integer> loansPerBook = new HashMap<>();
            int loans = 0;
            for (User member : members) {
                JsonNode card = Library.card(member);
                int memberLoans = card.get("loans").size();
                loans += memberLoans;
                card.get("loans").forEach(loan -> loansPerBook.merge(loan.get("bookId").asLong(), 1, Integer::sum));
                assertThat(Library.points(member)).as("points of " + member).isEqualTo(100 - RENT * memberLoans);
            }
            for (long book : books) {
                assertThat(Library.copyStatuses(book).stream().filter("RENTED"::equals).count()).as("copies of book " + book)
                        .isEqualTo(loansPerBook.getOrDefault(book, 0).longValue());
            }
            assertThat(kills).as("instances killed: rental, book and member at least once").isGreaterThanOrEqualTo(3);
            assertThat(accepted.get()).as("rents accepted; the rents' last answers: " + outcomes).isGreaterThanOrEqualTo(RENTS / 4);
            assertThat(loans).as("loans made").isPositive();
            System.out.printf("SagaCrashTest: %d rents asked, %d accepted, %d loans, %d kills, last answers %s%n", RENTS, accepted.get(),
                    loans, kills, outcomes);
        }
    }

    /**
     * Every 3–5 s until {@code killUntil} (a {@link System#nanoTime()}) kills an instance of rental,
     * book and member in turn (a random one of the service's instances) and starts it again in the
     * background, while rents go on; then waits until every killed instance is back.
     */
    private static int killUntil(RunningSystem system, long killUntil) {
        Map<String, List<ServiceInstance>> victims = new HashMap<>(); // taken once: a killed instance is still the one to start
        VICTIMS.forEach(service -> victims.put(service, system.instances(service)));
        victims.forEach((service, instances) -> assertThat(instances).as("instances of " + service).isNotEmpty());
        Map<ServiceInstance, CompletableFuture<Void>> restarts = new HashMap<>();
        int kills = 0;
        while (System.nanoTime() < killUntil) {
            pause(3_000 + ThreadLocalRandom.current().nextInt(2_000));
            List<ServiceInstance> instances = victims.get(VICTIMS.get(kills % VICTIMS.size()));
            ServiceInstance victim = instances.get(ThreadLocalRandom.current().nextInt(instances.size()));
            CompletableFuture<Void> earlier = restarts.get(victim);
            if (earlier != null && !earlier.isDone()) {
                continue; // still coming back from an earlier kill
            }
            victim.kill();
            kills++;
            restarts.put(victim, CompletableFuture.runAsync(() -> Instances.start(victim)));
        }
        restarts.values().forEach(CompletableFuture::join);
        return kills;
    }

    /**
     * Asks for a rent as a client would: while the answer is a 5xx or no answer (rental's instance
     * just died), asks again a second later — or after the answer's {@code Retry-After}, as a client
     * should when the gateway's open breaker says how long it stays open — for up to three minutes: with rental, book and member
     * killed within seconds of each other, the three start again at once on two cores next to the
     * other eleven processes of the system, which takes them up to 90 s. A request that failed may still
     * have started a saga; asking again is then refused by the card (the book is already being
     * rented): the cards, not the answers, are what the test reconciles.
     *
     * @return the last answer: its status ("202" when a saga was accepted, a problem's status and
     *         type otherwise), or "no answer in 3 min" when rental never answered below 500
     */
    private static String rentOutcome(User member, long book) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long wait;
        while (System.nanoTime() < giveUp) {
            try {
                Http.Response answer = Library.rent(member, book);
                if (answer.status() < 500) {
                    return answer.status() == 202 ? "202" : answer.status() + " " + problemType(answer);
                }
                wait = retryAfterMillis(answer);
            } catch (RuntimeException failed) {
                wait = 1_000; // no answer: the instance died under the request
            }
            pause(wait);
        }
        return "no answer in 3 min";
    }

    /** The answer's {@code Retry-After} (seconds), at least a second; a second without one. */
    private static long retryAfterMillis(Http.Response answer) {
        return answer.raw().headers().firstValue("Retry-After")
                .map(seconds -> Math.max(1_000, Long.parseLong(seconds.trim()) * 1_000))
                .orElse(1_000L);
    }

    private static String problemType(Http.Response answer) {
        try {
            JsonNode type = answer.json().get("type");
            return type == null ? "" : type.asString();
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static <T> List<T> all(ExecutorService pool, int count, Supplier<T> make) {
        List<CompletableFuture<T>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(CompletableFuture.supplyAsync(make, pool));
        }
        return made.stream().map(CompletableFuture::join).toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
