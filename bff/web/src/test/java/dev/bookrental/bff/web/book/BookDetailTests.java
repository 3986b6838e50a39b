package dev.bookrental.bff.web.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.bff.web.TestRedis;
import dev.bookrental.platform.resilience.Resilience;

/**
 * The book detail's composition over HTTP (MockMvc), with the clients and the call timeout of
 * config/bff-web.yml (1.5 s), sessions in a real Redis and a real HTTP server standing in for the
 * gateway's routes to book, rental-query and rental: the composed answer for a member, a librarian
 * (rental not asked) and a stranger, rental's 401 and 403 marked, the calls made at the same time, a hanging or failing source marked and the answer given
 * in time, never a 5xx; an unknown book is a 404 problem.
 */
@SpringBootTest(properties = "spring.config.location=file:../../config/bff-web.yml,classpath:/test.yml")
@AutoConfigureMockMvc
class BookDetailTests {

    private static final StandInSources sources = new StandInSources();
    /** config/bff-web.yml's bookrental.bff-web.book-detail.call-timeout. */
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);

    @Autowired MockMvcTester mvc;
    @Autowired ClientRegistrationRepository registrations;
    @Autowired Resilience resilience;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.book.base-url", sources::url);
        registry.add("spring.http.serviceclient.rental-query.base-url", sources::url);
        registry.add("spring.http.serviceclient.rental.base-url", sources::url);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @AfterEach
    void healthyAgain() {
        sources.reset();
        resilience.circuitBreakers().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterAll
    static void stop() {
        sources.close();
    }

    @Test
    void composesTheBookItsCopiesItsRankAndWhetherTheMemberMayRentIt() {
        MvcTestResult result = asMember(StandInSources.DUNE);

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.book.title").isEqualTo("Dune");
        assertThat(result).bodyJson().extractingPath("$.book.authors").asArray().containsExactly("Frank Herbert");
        assertThat(result).bodyJson().extractingPath("$.copies.total").isEqualTo(3);
        assertThat(result).bodyJson().extractingPath("$.copies.available").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.rank.rank").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.rank.rentals").isEqualTo(12);
        assertThat(result).bodyJson().extractingPath("$.eligibility.eligible").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.eligibility.reasons").asArray().containsExactly("ALREADY_RENTED");
        for (String part : List.of("book", "copies", "rank", "eligibility")) {
            assertThat(result).bodyJson().extractingPath("$.parts." + part + ".status").as(part).isEqualTo("OK");
        }
        assertThat(result).bodyJson().extractingPath("$.partial").isEqualTo(false);
    }

    @Test
    void onlyTheEligibilityCallCarriesTheSessionsTokenAndItNeverReachesTheBrowser() {
        MvcTestResult result = asMember(StandInSources.DUNE);

        // oidcLogin() signs in with an authorized client whose access token is "access-token".
        assertThat(sources.received()).filteredOn(call -> call.path().startsWith("/api/rental-card/eligibility"))
                .extracting(StandInSources.Received::authorization).containsExactly("Bearer access-token");
        assertThat(sources.received()).filteredOn(call -> !call.path().startsWith("/api/rental-card"))
                .extracting(StandInSources.Received::path)
                .containsExactlyInAnyOrder("/api/books/7", "/api/books/7/copies", "/api/best-books/7");
        assertThat(sources.received()).filteredOn(call -> !call.path().startsWith("/api/rental-card"))
                .extracting(StandInSources.Received::authorization).containsOnlyNulls();
        assertThat(result).bodyText().doesNotContain("access-token");
    }

    @Test
    void aStrangerGetsThePublicPartsAndIsAskedToSignInForEligibility() {
        MvcTestResult result = mvc.get().uri("/bff/web/api/books/{id}", StandInSources.DUNE).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.book.title").isEqualTo("Dune");
        assertThat(result).bodyJson().extractingPath("$.rank.rank").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.eligibility").isNull();
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.status").isEqualTo("SIGN_IN_REQUIRED");
        assertThat(result).bodyJson().extractingPath("$.partial").as("complete for a stranger").isEqualTo(false);
        assertThat(sources.received()).extracting(StandInSources.Received::path)
                .noneMatch(path -> path.startsWith("/api/rental-card"));
    }

    @Test
    void aLibrarianIsToldThatOnlyMembersRentBooksWithoutRentalBeingAsked() {
        sources.refuseTheRole(); // what rental would answer a librarian, were it asked

        MvcTestResult result = signedIn("LIBRARIAN", StandInSources.DUNE);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.book.title").isEqualTo("Dune");
        assertThat(result).bodyJson().extractingPath("$.copies.available").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.rank.rank").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.eligibility").isNull();
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.status").isEqualTo("NOT_APPLICABLE");
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.reason").isEqualTo("Only members rent books.");
        assertThat(result).bodyJson().extractingPath("$.partial").as("nothing failed").isEqualTo(false);
        assertThat(sources.received()).extracting(StandInSources.Received::path)
                .containsExactlyInAnyOrder("/api/books/7", "/api/books/7/copies", "/api/best-books/7");
    }

    @Test
    void rentalRefusingTheMembersRoleMarksEligibilityNotApplicableNotPartial() {
        // The session says MEMBER, the access token no longer does (the role was taken away at auth
        // since the sign-in, and the token renewed): rental's 403 is no failure either.
        sources.refuseTheRole();

        MvcTestResult result = asMember(StandInSources.DUNE);

        assertThat(result).hasStatusOk();
        assertThat(sources.received()).extracting(StandInSources.Received::path).contains("/api/rental-card/eligibility?bookId=7");
        assertThat(result).bodyJson().extractingPath("$.eligibility").isNull();
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.status").isEqualTo("NOT_APPLICABLE");
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.reason")
                .isEqualTo("The access token does not carry the role this request needs.");
        assertThat(result).bodyJson().extractingPath("$.partial").isEqualTo(false);
    }

    @Test
    void rentalRefusingTheSessionsTokenAsksToSignInAgain() {
        sources.failing("eligibility", 401);

        MvcTestResult result = asMember(StandInSources.DUNE);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.status").isEqualTo("SIGN_IN_REQUIRED");
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.reason")
                .isEqualTo("the gateway refused the session's token: sign in again");
        assertThat(result).bodyJson().extractingPath("$.partial").isEqualTo(false);
    }

    @Test
    void asksItsSourcesAtTheSameTime() {
        asMember(StandInSources.DUNE); // warm: connections, JIT
        for (String source : List.of("book", "copies", "rank", "eligibility")) {
            sources.slow(source, Duration.ofMillis(600));
        }

        long start = System.nanoTime();
        MvcTestResult result = asMember(StandInSources.DUNE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // One after the other: 2.4 s, past the call timeout. At the same time: 0.6 s.
        assertThat(result).bodyJson().extractingPath("$.partial").isEqualTo(false);
        assertThat(took).isLessThan(Duration.ofMillis(1_200));
    }

    @Test
    void severalBookDetailsAtOnceDoNotQueueForConnections() throws Exception {
        asMember(StandInSources.DUNE); // warm: connections, JIT
        for (String source : List.of("book", "copies", "rank")) {
            sources.slow(source, Duration.ofMillis(500));
        }

        long start = System.nanoTime();
        List<MvcTestResult> answers = new ArrayList<>();
        try (ExecutorService strangers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<MvcTestResult>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asked.add(strangers.submit(() -> mvc.get().uri("/bff/web/api/books/{id}", StandInSources.DUNE).exchange()));
            }
            for (Future<MvcTestResult> answer : asked) {
                answers.add(answer.get());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Twelve calls at once: with HttpClient's default of 5 connections they went in three waves
        // of 0.5 s, and the last ones ran into the call timeout.
        for (MvcTestResult answer : answers) {
            assertThat(answer).bodyJson().extractingPath("$.partial").isEqualTo(false);
        }
        assertThat(took).isLessThan(Duration.ofMillis(1_200));
    }

    @Test
    void aHangingSourceIsMarkedUnavailableAndTheRestIsAnsweredWithinTheCallTimeout() {
        sources.slow("rank", Duration.ofSeconds(10));

        long start = System.nanoTime();
        MvcTestResult result = asMember(StandInSources.DUNE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).hasStatusOk();
        assertThat(took).isGreaterThanOrEqualTo(CALL_TIMEOUT).isLessThan(CALL_TIMEOUT.plusMillis(700));
        assertThat(result).bodyJson().extractingPath("$.rank").isNull();
        assertThat(result).bodyJson().extractingPath("$.parts.rank.status").isEqualTo("UNAVAILABLE");
        assertThat(result).bodyJson().extractingPath("$.parts.rank.reason").isEqualTo("no answer within 1500 ms");
        assertThat(result).bodyJson().extractingPath("$.partial").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.book.title").isEqualTo("Dune");
        assertThat(result).bodyJson().extractingPath("$.eligibility.eligible").isEqualTo(false);
    }

    @Test
    void aServiceThatIsDownCostsItsPartsAndNeverA5xx() {
        // Book down: the gateway answers 503 for the title and the copies, and rental, which asks
        // book for eligibility, answers 503 too. The ranking is the read side's, still there.
        asMember(StandInSources.DUNE); // warm: connections, JIT
        for (String source : List.of("book", "copies", "eligibility")) {
            sources.failing(source, 503);
        }

        long start = System.nanoTime();
        MvcTestResult result = asMember(StandInSources.DUNE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).hasStatusOk();
        assertThat(took).as("the 503s marked at once, not retried after their Retry-After").isLessThan(Duration.ofMillis(800));
        assertThat(result).bodyJson().extractingPath("$.partial").isEqualTo(true);
        for (String part : List.of("book", "copies", "eligibility")) {
            assertThat(result).bodyJson().extractingPath("$.parts." + part + ".status").as(part).isEqualTo("UNAVAILABLE");
            assertThat(result).bodyJson().extractingPath("$." + part).as(part).isNull();
        }
        assertThat(result).bodyJson().extractingPath("$.parts.book.reason").isEqualTo("answered 503: book is down");
        assertThat(result).bodyJson().extractingPath("$.parts.rank.status").isEqualTo("OK");
        assertThat(result).bodyJson().extractingPath("$.rank.rank").isEqualTo(2);
    }

    @Test
    void bookTimingOutOpensBooksBreakerOnlyAndTheRankStillComes() {
        asMember(StandInSources.DUNE); // warm: connections, JIT
        sources.slow("book", CALL_TIMEOUT.plusSeconds(1));
        sources.slow("copies", CALL_TIMEOUT.plusSeconds(1));
        for (int i = 0; i < 5; i++) { // ten calls to book cut off: its breaker has enough to judge
            assertThat(asMember(StandInSources.DUNE)).hasStatusOk();
        }
        assertThat(resilience.circuitBreaker(BookDetailCalls.BOOK).getState()).isEqualTo(CircuitBreaker.State.OPEN);

        long start = System.nanoTime();
        MvcTestResult result = asMember(StandInSources.DUNE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("book refused at once by its open breaker").isLessThan(CALL_TIMEOUT);
        assertThat(result).bodyJson().extractingPath("$.parts.book.status").isEqualTo("UNAVAILABLE");
        assertThat(result).bodyJson().extractingPath("$.parts.book.reason").asString()
                .as("the reason says book was not called, and why").startsWith("book not called: ").contains("OPEN");
        assertThat(result).bodyJson().extractingPath("$.parts.rank.status").as("rental-query's own breaker is closed").isEqualTo("OK");
        assertThat(result).bodyJson().extractingPath("$.parts.eligibility.status").isEqualTo("OK");
        assertThat(resilience.circuitBreaker(BookDetailCalls.RENTAL_QUERY).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aBookThatBookDoesNotKnowIsA404Problem() {
        MvcTestResult result = asMember(99);

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:book-not-found");
    }

    @Test
    void theBookIdMustBeAPositiveNumber() {
        for (String bookId : List.of("0", "-1", "dune")) {
            MvcTestResult result = mvc.get().uri("/bff/web/api/books/" + bookId).exchange();

            assertThat(result).as(bookId).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.errors[0].name").isEqualTo("bookId");
        }
        assertThat(sources.received()).isEmpty();
    }

    private MvcTestResult asMember(long bookId) {
        return signedIn("MEMBER", bookId);
    }

    /** Signed in as after a sign-in at auth: the ID token's roles, mapped to ROLE_* as bff-web maps them. */
    private MvcTestResult signedIn(String role, long bookId) {
        return mvc.get().uri("/bff/web/api/books/{id}", bookId)
                .with(oidcLogin().clientRegistration(registrations.findByRegistrationId("bookrental"))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + role))
                        .idToken(token -> token.subject(role.toLowerCase() + "-1").claim("preferred_username", "alice")
                                .claim("roles", List.of(role))))
                .exchange();
    }
}
