package dev.bookrental.bff.mobile.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bookrental.bff.mobile.StandInServices;

/**
 * The home screen's composition, with real HTTP servers standing in for member, rental, book and
 * rental-query, and the clients, timeouts and deadline of config/bff-mobile.yml (read timeout 1 s,
 * deadline 1.5 s).
 */
@SpringBootTest(properties =
        "spring.config.location=file:../../config/application.yml,file:../../config/bff-mobile.yml,classpath:/test.yml")
class HomeScreenTests {

    private static final StandInServices services = new StandInServices();
    private static final String TOKEN = "the-callers-token";

    @Autowired HomeScreen homeScreen;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        for (String service : List.of("member", "rental", "book", "rental-query")) {
            registry.add("spring.http.serviceclient." + service + ".base-url", services::url);
        }
    }

    @AfterEach
    void healthyAgain() {
        services.reset();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void composesPointsCardLoansWithTheirTitlesAndTheBestBooks() {
        Home home = homeScreen.of(TOKEN);

        assertThat(home.member()).isEqualTo(new Home.Member("Alice", 90));
        assertThat(home.card().status()).isEqualTo("SUSPENDED");
        assertThat(home.card().loansLeft()).isEqualTo(3);
        assertThat(home.card().loans()).containsExactly(
                new Home.Loan("r-1", 1, "Dune", StandInServices.DUNE_DUE, false),
                new Home.Loan("r-2", 2, "Emma", StandInServices.EMMA_DUE, true));
        assertThat(home.bestBooks()).containsExactly(new Home.BestBook(1, 2, "Emma", 7), new Home.BestBook(2, 3, "Persuasion", 4));
        assertThat(home.unavailable()).isEmpty();
    }

    @Test
    void relaysTheCallersTokenToMemberAndRentalAndNoneToThePublicReads() {
        homeScreen.of(TOKEN);

        assertThat(services.receivedBy("member")).extracting(StandInServices.Received::authorization)
                .containsExactly("Bearer " + TOKEN);
        assertThat(services.receivedBy("rental")).extracting(StandInServices.Received::authorization)
                .containsExactly("Bearer " + TOKEN);
        assertThat(services.receivedBy("book")).extracting(StandInServices.Received::path)
                .containsExactlyInAnyOrder("/api/books/1", "/api/books/2");
        assertThat(services.receivedBy("book")).extracting(StandInServices.Received::authorization).containsOnlyNulls();
        assertThat(services.receivedBy("rental-query")).containsExactly(new StandInServices.Received("/api/best-books?limit=5", null));
    }

    @Test
    void asksTheServicesAtTheSameTime() {
        homeScreen.of(TOKEN); // warm: connections, JIT
        for (String service : List.of("member", "rental", "book", "rental-query")) {
            services.slow(service, Duration.ofMillis(400));
        }

        long start = System.nanoTime();
        Home home = homeScreen.of(TOKEN);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // One after the other: member, card, best books, then the titles: 1.6 s at least, past the
        // deadline. At the same time: the card, then the titles, 0.8 s.
        assertThat(home.unavailable()).isEmpty();
        assertThat(took).isLessThan(Duration.ofMillis(1_200));
    }

    @Test
    void servicesThatHangAreLeftOutAndTheRestIsAnsweredInTime() {
        services.slow("book", Duration.ofSeconds(10));
        services.slow("rental-query", Duration.ofSeconds(10));

        long start = System.nanoTime();
        Home home = homeScreen.of(TOKEN);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofMillis(2_000));
        assertThat(home.unavailable()).containsExactly("bestBooks", "titles");
        assertThat(home.bestBooks()).isNull();
        assertThat(home.member()).isEqualTo(new Home.Member("Alice", 90));
        assertThat(home.card().loans()).extracting(Home.Loan::rentalId).containsExactly("r-1", "r-2");
        assertThat(home.card().loans()).extracting(Home.Loan::title).containsOnlyNulls();
        assertThat(home.card().loans()).extracting(Home.Loan::dueAt)
                .containsExactly(StandInServices.DUNE_DUE, StandInServices.EMMA_DUE);
    }

    @Test
    void aFailingServiceIsLeftOut() {
        services.failing("member", 500);

        Home home = homeScreen.of(TOKEN);

        assertThat(home.unavailable()).containsExactly("member");
        assertThat(home.member()).isNull();
        assertThat(home.card().loans()).extracting(Home.Loan::title).containsExactly("Dune", "Emma");
        assertThat(home.bestBooks()).hasSize(2);
    }

    @Test
    void withoutTheCardNoTitlesAreAskedFor() {
        services.failing("rental", 503);

        Home home = homeScreen.of(TOKEN);

        assertThat(home.unavailable()).containsExactly("card");
        assertThat(home.card()).isNull();
        assertThat(home.member()).isNotNull();
        assertThat(home.bestBooks()).isNotNull();
        assertThat(services.receivedBy("book")).isEmpty();
    }
}
