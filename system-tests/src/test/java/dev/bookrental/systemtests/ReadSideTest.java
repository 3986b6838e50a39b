package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * CQRS: the read side (rental-query) is fed only by the facts of book, member and rental, and
 * agrees with them. A burst of 500 rents by 10 members at once (five each per round, returned
 * between rounds, the last round left out) → once caught up, the best-book ranking counts exactly
 * the loans the rental cards had, and every member's dashboard shows what rental's card and member's profile say:
 * the books out with their titles and due dates, the points, the card status (the last loans go
 * overdue on the test profile's 15 s loans, so SUSPENDED is checked too). Then a full rebuild from
 * offset 0 gives identical views, and queries answer the old views all along.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class ReadSideTest {

    private static final String QUERY_INSTANCE = "http://127.0.0.1:8104";
    private static final int MEMBERS = 10; // 50 sagas in flight at most: more overloads two cores on a cold system
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 5; // a card's limit
    private static final int BOOKS = 10;
    private static final int COPIES = MEMBERS; // every member may hold any book at once
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    @Test
    void afterABurstOf500RentsTheViewsMatchTheWriteSideAndARebuildGivesTheSameViewsWhileAnswering() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<User> members = Library.registeredMembers(MEMBERS);
            Map<Long, String> titles = new ConcurrentHashMap<>();
            all(pool, IntStream.range(0, BOOKS).mapToObj(book -> (Runnable) () -> {
                String title = "Read Side " + run + " " + (char) ('A' + book);
                titles.put(Library.addBook(title, COPIES), title);
            }).toList());
            List<Long> books = titles.keySet().stream().sorted().toList();
            all(pool, members.stream().map(member -> (Runnable) () ->
                    assertThat(Library.topUp(member, 3_000).status()).isEqualTo(200)).toList());

            Map<Long, Integer> loansPerBook = new ConcurrentHashMap<>();
            AtomicInteger asked = new AtomicInteger();
            AtomicInteger unanswered = new AtomicInteger();
            long burstStart = System.nanoTime();
            all(pool, IntStream.range(0, MEMBERS).mapToObj(i -> (Runnable) () -> {
                for (int round = 0; round < ROUNDS; round++) {
                    for (long book : pick(books, i, round)) { // 202 at once: the five sagas run together
                        asked.incrementAndGet();
                        int status = rentStatus(members.get(i), book);
                        if (status >= 500) {
                            unanswered.incrementAndGet(); // no answer in time under load: the saga may run, the card tells
                        } else {
                            assertThat(status).as("rent of book " + book).isEqualTo(202);
                        }
                    }
                    JsonNode card = endedRents(members.get(i));
                    card.get("loans").forEach(loan -> loansPerBook.merge(loan.get("bookId").asLong(), 1, Integer::sum));
                    if (round < ROUNDS - 1) {
                        returnAll(members.get(i));
                    }
                }
            }).toList());
            double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
            int loans = loansPerBook.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(asked.get()).isEqualTo(MEMBERS * ROUNDS * PER_ROUND);
            assertThat(loans).as("rents that became loans (copies and points suffice)").isGreaterThanOrEqualTo(450);

            long catchUpStart = System.nanoTime();
            List<JsonNode> expectedRanking = expectedRanking(loansPerBook, titles);
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(myBooks(bestBooks(), titles)).isEqualTo(expectedRanking));
            double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;

            // The last round's loans (15 s on the test profile) go overdue: then nothing changes any more.
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> members.stream()
                    .allMatch(member -> Library.card(member).get("loans").findValues("overdue").stream().allMatch(JsonNode::asBoolean)));
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (User member : members) {
                    assertThat(dashboardFacts(dashboard(member))).as("dashboard of " + member)
                            .isEqualTo(writeSideFacts(member, titles));
                }
            });
            assertThat(members.stream().map(member -> dashboard(member).get("cardStatus").asString()))
                    .as("overdue loans suspend the cards").contains("SUSPENDED");

            Map<User, String> dashboardsBefore = new LinkedHashMap<>();
            members.forEach(member -> dashboardsBefore.put(member, Http.get(Http.GATEWAY + "/api/members/me/dashboard",
                    member.authorization()).raw().body()));
            String rankingBefore = Http.get(Http.GATEWAY + "/api/best-books?limit=50").raw().body();
            int activeBefore = projections().get("active").asInt();

            AtomicBoolean rebuilding = new AtomicBoolean(true);
            List<String> differentAnswers = new ArrayList<>();
            AtomicInteger answersDuringRebuild = new AtomicInteger();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                while (rebuilding.get()) {
                    User member = members.get(answersDuringRebuild.get() % MEMBERS);
                    Http.Response dashboard = Http.get(Http.GATEWAY + "/api/members/me/dashboard", member.authorization());
                    Http.Response ranking = Http.get(Http.GATEWAY + "/api/best-books?limit=50");
                    answersDuringRebuild.incrementAndGet();
                    if (dashboard.status() != 200 || !dashboard.raw().body().equals(dashboardsBefore.get(member))) {
                        differentAnswers.add(dashboard.status() + " " + dashboard.raw().body());
                    }
                    if (ranking.status() != 200 || !ranking.raw().body().equals(rankingBefore)) {
                        differentAnswers.add(ranking.status() + " " + ranking.raw().body());
                    }
                    pace(); // a steady reader, not a load test: the rebuild shares the two cores
                }
            }, pool);
            long rebuildStart = System.nanoTime();
            Http.Response rebuild = Http.post(QUERY_INSTANCE + "/actuator/projections/rebuild");
            assertThat(rebuild.status()).as(rebuild.raw().body()).isEqualTo(200);
            int building = rebuild.json().get("building").asInt();
            assertThat(building).isGreaterThan(activeBefore);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> projections().get("active").asInt() == building);
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            rebuilding.set(false);
            reader.join();

            assertThat(differentAnswers).as("answers during the rebuild that were not the views before it").isEmpty();
            assertThat(answersDuringRebuild.get()).as("queries answered during the rebuild").isPositive();
            assertThat(Http.get(Http.GATEWAY + "/api/best-books?limit=50").raw().body()).isEqualTo(rankingBefore);
            dashboardsBefore.forEach((member, before) -> assertThat(Http.get(Http.GATEWAY + "/api/members/me/dashboard",
                    member.authorization()).raw().body()).as("dashboard of " + member + " after the rebuild").isEqualTo(before));
            System.out.printf("ReadSideTest: %d rents asked (%d answered 5xx), %d loans, burst %.1f s (%.1f rents/s);"
                    + " ranking caught up %.1f s after the burst; rebuild of generation %d from offset 0 %.1f s,"
                    + " %d queries answered meanwhile%n", asked.get(), unanswered.get(), loans, burstSeconds,
                    asked.get() / burstSeconds, catchUpSeconds, building, rebuildSeconds, answersDuringRebuild.get());
        }
    }

    @Test
    void theFactsTopicsKeepEveryEventSoThatARebuildStartsFromTheFirst() throws Exception {
        List<String> facts = List.of("auth.events", "book.events", "member.events", "rental.events");
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.BOOTSTRAP))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(facts.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get(10, TimeUnit.SECONDS);
            assertThat(configs).hasSize(facts.size());
            configs.forEach((topic, config) -> assertThat(config.get("retention.ms").value()).as(topic.name()).isEqualTo("-1"));
        }
    }

    /** Five different books for a member's round, skewed towards the first ones so that counts differ. */
    private static List<Long> pick(List<Long> books, int member, int round) {
        int step = 1 + (member + round) % 2;
        return IntStream.range(0, PER_ROUND).mapToObj(k -> books.get((k * step + member % 3) % BOOKS)).toList();
    }

    /** The answer's status to a rent; 599 when none came in time (the client's 15 s). */
    private static int rentStatus(User member, long book) {
        try {
            return Library.rent(member, book).status();
        } catch (IllegalStateException noAnswer) {
            return 599;
        }
    }

    /** The member's card once every rent asked for has ended (no saga pending); a read that timed out is read again. */
    private static JsonNode endedRents(User member) {
        return await().atMost(Library.SAGA).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> Library.card(member), card -> card.has("pending") && card.get("pending").isEmpty());
    }

    /**
     * Returns every book the member has out, until the card shows none: a return whose answer was
     * lost (a timeout under load) is not asked again once the card no longer lists the loan.
     */
    private static void returnAll(User member) {
        await().atMost(Library.SAGA).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            JsonNode loans = Library.card(member).get("loans");
            loans.forEach(loan -> Library.returnBook(member, loan.get("rentalId").asString()));
            return loans.isEmpty();
        });
    }

    /** The ranking of this run's books as the write side's loans make it: most loans first, then by title, then id. */
    private static List<JsonNode> expectedRanking(Map<Long, Integer> loansPerBook, Map<Long, String> titles) {
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>(loansPerBook.entrySet());
        ranked.sort(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(entry -> titles.get(entry.getKey()))
                .thenComparing(Map.Entry::getKey));
        return ranked.stream().map(entry -> Http.json("{\"bookId\":%d,\"title\":\"%s\",\"rentals\":%d}"
                .formatted(entry.getKey(), titles.get(entry.getKey()), entry.getValue()))).toList();
    }

    private static JsonNode bestBooks() {
        Http.Response ranking = Http.get(Http.GATEWAY + "/api/best-books?limit=50");
        assertThat(ranking.status()).as(ranking.raw().body()).isEqualTo(200);
        return ranking.json();
    }

    /** This run's books in the ranking, in its order (other tests' books may be ranked around them), without the rank. */
    private static List<JsonNode> myBooks(JsonNode ranking, Map<Long, String> titles) {
        List<JsonNode> mine = new ArrayList<>();
        int lastRank = 0;
        for (JsonNode book : ranking) {
            assertThat(book.get("rank").asInt()).as("ranks ascend").isGreaterThan(lastRank);
            lastRank = book.get("rank").asInt();
            if (titles.containsKey(book.get("bookId").asLong())) {
                mine.add(Http.json("{\"bookId\":%d,\"title\":\"%s\",\"rentals\":%d}".formatted(book.get("bookId").asLong(),
                        book.get("title").asString(), book.get("rentals").asInt())));
            }
        }
        return mine;
    }

    private static JsonNode dashboard(User member) {
        Http.Response dashboard = Http.get(Http.GATEWAY + "/api/members/me/dashboard", member.authorization());
        assertThat(dashboard.status()).as(dashboard.raw().body()).isEqualTo(200);
        return dashboard.json();
    }

    /** What the write side says of a member: rental's card (loans, status) and member's points. */
    private static Facts writeSideFacts(User member, Map<Long, String> titles) {
        JsonNode card = Library.card(member);
        Map<String, String> loans = new HashMap<>();
        card.get("loans").forEach(loan -> loans.put(loan.get("rentalId").asString(),
                loan.get("bookId").asLong() + " " + titles.get(loan.get("bookId").asLong()) + " " + millis(loan.get("dueAt"))));
        return new Facts(Library.points(member), card.get("status").asString(), loans);
    }

    private static Facts dashboardFacts(JsonNode dashboard) {
        Map<String, String> rentals = new HashMap<>();
        dashboard.get("rentals").forEach(rental -> rentals.put(rental.get("rentalId").asString(),
                rental.get("bookId").asLong() + " " + rental.get("title").asString() + " " + millis(rental.get("dueAt"))));
        return new Facts(dashboard.get("points").asInt(), dashboard.get("cardStatus").asString(), rentals);
    }

    /**
     * A due date to the millisecond: the read side stores it as PostgreSQL {@code timestamptz}
     * (microseconds), the event carries the rental service's clock (nanoseconds on Linux).
     */
    private static String millis(JsonNode instant) {
        return Instant.parse(instant.asString()).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** @param loans rental id → book id, title, due date */
    private record Facts(int points, String status, Map<String, String> loans) {
    }

    private static JsonNode projections() {
        Http.Response status = Http.get(QUERY_INSTANCE + "/actuator/projections");
        assertThat(status.status()).as(status.raw().body()).isEqualTo(200);
        return status.json();
    }

    private static void pace() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void all(ExecutorService pool, List<Runnable> tasks) {
        tasks.stream().map(task -> CompletableFuture.runAsync(task, pool)).toList().forEach(CompletableFuture::join);
    }
}
