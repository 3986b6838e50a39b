package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.ServiceInstance;

/**
 * API composition: bff-web's book detail ({@code GET /bff/web/api/books/{id}}, through the gateway)
 * gathers the title and copies from book, the rank from rental-query and "may I rent it" from rental
 * in one answer — for a signed-in member all of it, for a stranger the public parts, for a librarian
 * the public parts and eligibility NOT_APPLICABLE (only members rent), not partial. With every book
 * instance killed it still answers 200 within its call timeout, partial and marked (the title,
 * copies and eligibility UNAVAILABLE, the rank there), while the read side's dashboard answers in
 * full from its own views. Book is started again afterwards.
 */
@Order(4) // kills the book instances
@ExtendWith(BookrentalSystem.class)
class CompositionTest {

    /** config/bff-web.yml: bookrental.bff-web.book-detail.call-timeout. */
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration READ_SIDE = Duration.ofSeconds(30);
    /** The gateway by the host name the browser signed in with at bff-web, so its session cookie goes along. */
    private static final String GATEWAY = "http://localhost:8080";

    @Test
    void aBooksDetailIsComposedFromFourSourcesForAMemberAndItsPublicPartsForAStrangerAndALibrarian() {
        User member = Library.registeredMember();
        String title = "Composed " + UUID.randomUUID().toString().substring(0, 8);
        long book = Library.addBook(title, 2);
        assertThat(Library.rentToTheEnd(member, book).get("status").asString()).isEqualTo("RENTED");
        Accounts.Browser browser = signedIn(member);

        JsonNode detail = await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(200))
                .until(() -> detail(browser, book), answer -> answer.get("rank").path("rentals").asInt(0) == 1);

        assertThat(detail.get("book").get("title").asString()).isEqualTo(title);
        assertThat(detail.get("copies").get("total").asInt()).isEqualTo(2);
        assertThat(detail.get("copies").get("available").asInt()).isEqualTo(1);
        assertThat(detail.get("rank").get("rank").asInt()).isPositive();
        assertThat(detail.get("eligibility").get("eligible").asBoolean()).isFalse();
        assertThat(detail.get("eligibility").get("reasons").valueStream().map(JsonNode::asString)).contains("ALREADY_RENTED");
        assertThat(detail.get("parts").valueStream().map(part -> part.get("status").asString())).containsOnly("OK");
        assertThat(detail.get("partial").asBoolean()).isFalse();
        assertThat(detail.toString()).as("no token reaches the browser").doesNotContain("eyJ");

        Http.Response stranger = Http.get(Http.GATEWAY + "/bff/web/api/books/" + book);
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.json().get("book").get("title").asString()).isEqualTo(title);
        assertThat(stranger.json().get("rank").get("rentals").asInt()).isEqualTo(1);
        assertThat(stranger.json().path("eligibility").isNull()).isTrue();
        assertThat(stranger.json().get("parts").get("eligibility").get("status").asString()).isEqualTo("SIGN_IN_REQUIRED");
        assertThat(stranger.json().get("partial").asBoolean()).isFalse();

        JsonNode librarian = detail(signedIn(Library.LIBRARIAN), book);
        assertThat(librarian.get("book").get("title").asString()).isEqualTo(title);
        assertThat(librarian.path("eligibility").isNull()).isTrue();
        assertThat(librarian.get("parts").get("eligibility").get("status").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(librarian.get("partial").asBoolean()).as(librarian.toString()).isFalse();

        ApiErrorsTest.assertProblem(Http.get(Http.GATEWAY + "/bff/web/api/books/" + Long.MAX_VALUE), 404,
                "urn:bookrental:problem:book-not-found");
    }

    @Test
    void withBookDownTheDetailIsPartialAndMarkedWithinItsTimeoutWhileTheDashboardAnswersFromTheReadSide(RunningSystem system) {
        User member = Library.registeredMember();
        String title = "Down " + UUID.randomUUID().toString().substring(0, 8);
        long book = Library.addBook(title, 1);
        assertThat(Library.rentToTheEnd(member, book).get("status").asString()).isEqualTo("RENTED");
        Accounts.Browser browser = signedIn(member);
        await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(200)).until(() ->
                detail(browser, book).get("rank").path("rentals").asInt(0) == 1 && dashboard(member).toString().contains(title));

        List<ServiceInstance> books = system.instances("book");
        books.forEach(ServiceInstance::kill);
        try {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // registered but dead at first, then evicted: both must answer in time
                long start = System.nanoTime();
                JsonNode detail = detail(browser, book);
                millis.add((System.nanoTime() - start) / 1_000_000);

                assertThat(detail.get("partial").asBoolean()).as(detail.toString()).isTrue();
                for (String part : List.of("book", "copies", "eligibility")) {
                    assertThat(detail.get("parts").get(part).get("status").asString()).as(part).isEqualTo("UNAVAILABLE");
                    assertThat(detail.get("parts").get(part).get("reason").asString()).as(part).isNotBlank();
                    assertThat(detail.path(part).isNull()).as(part).isTrue();
                }
                assertThat(detail.get("parts").get("rank").get("status").asString()).isEqualTo("OK");
                assertThat(detail.get("rank").get("rentals").asInt()).isEqualTo(1);
            }
            JsonNode dashboard = dashboard(member);
            System.out.printf("Book down: the book detail answered partially in %s ms; the dashboard in full%n", millis);
            assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(CALL_TIMEOUT.toMillis() + 500));
            assertThat(dashboard.get("rentals").get(0).get("title").asString()).isEqualTo(title);
            assertThat(dashboard.get("rentals").get(0).get("bookId").asLong()).isEqualTo(book);
        } finally {
            books.stream().map(instance -> CompletableFuture.runAsync(() -> Instances.start(instance))).toList()
                    .forEach(CompletableFuture::join);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Eureka.upPorts("book")).containsExactlyInAnyOrderElementsOf(books.stream().map(ServiceInstance::port).toList()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(detail(browser, book).get("partial").asBoolean()).as("whole again once book is back").isFalse());
    }

    /** A browser with a bff-web session of the person (signed in through bff-web and auth's login page). */
    private static Accounts.Browser signedIn(User person) {
        Accounts.Browser browser = new Accounts.Browser();
        BackendForFrontendTest.signInThroughBffWeb(browser, person);
        return browser;
    }

    /** The book detail as the browser gets it through the gateway (the session cookie is the browser's). */
    private static JsonNode detail(Accounts.Browser browser, long book) {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/bff/web/api/books/" + book))
                .header("Accept", "application/json").GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer.body());
    }

    private static JsonNode dashboard(User member) {
        Http.Response dashboard = Http.get(Http.GATEWAY + "/api/members/me/dashboard", member.authorization());
        assertThat(dashboard.status()).as(dashboard.raw().body()).isEqualTo(200);
        return dashboard.json();
    }
}
