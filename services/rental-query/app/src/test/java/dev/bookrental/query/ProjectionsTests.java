package dev.bookrental.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.member.api.MemberEvent.LateFeeOutstanding;
import dev.bookrental.member.api.MemberEvent.LateFeePaid;
import dev.bookrental.member.api.MemberEvent.MemberRegistered;
import dev.bookrental.member.api.MemberEvent.PointsToppedUp;
import dev.bookrental.platform.testsupport.MigratedPostgres;
import dev.bookrental.query.dashboard.Dashboards;
import dev.bookrental.query.dashboard.Dashboards.CardStatus;
import dev.bookrental.query.dashboard.Dashboards.CurrentRental;
import dev.bookrental.query.projection.ProjectionGenerations;
import dev.bookrental.query.projection.Projector;
import dev.bookrental.query.ranking.BestBooks;
import dev.bookrental.query.ranking.BestBooks.RankedBook;
import dev.bookrental.rental.api.RentalEvent.BookRented;
import dev.bookrental.rental.api.RentalEvent.BookReturned;
import dev.bookrental.rental.api.RentalEvent.LateFeeSettled;
import dev.bookrental.rental.api.RentalEvent.LateFeeUnpaid;
import dev.bookrental.rental.api.RentalEvent.LoanOverdue;
import dev.bookrental.rental.api.RentalEvent.RentRejected;
import dev.bookrental.rental.api.RentalEvent.RentRequested;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;

/**
 * The projection logic against a real PostgreSQL migrated by the service's scripts: what each fact
 * does to the views, that they converge whatever the order across topics, and that a generation's
 * views are invisible until it is promoted.
 */
class ProjectionsTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration", "classpath:db/messaging");

    private static final Instant DUE = Instant.parse("2026-12-10T10:00:00Z");

    private Projector projector;
    private BestBooks bestBooks;
    private Dashboards dashboards;
    private ProjectionGenerations generations;
    private int active;

    @BeforeEach
    void wire() {
        DataSource dataSource = database.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        projector = new Projector(jdbc);
        bestBooks = new BestBooks(jdbc);
        dashboards = new Dashboards(jdbc);
        generations = new ProjectionGenerations(jdbc, new DataSourceTransactionManager(dataSource));
        active = generations.active();
    }

    @Test
    void aRentalThatArrivesBeforeItsTitleIsRankedAndShownAndGetsTheTitleWhenItArrives() {
        long book = newBookId();
        String member = newMemberId();
        projector.apply(active, new MemberRegistered(member, "ada", 100));
        projector.apply(active, new BookRented("r-" + member, member, book, 7, 40, DUE));

        assertThat(ranked(book)).extracting(RankedBook::title, RankedBook::rentals).containsExactly(tuple(null, 1));
        assertThat(dashboards.of(member).orElseThrow().rentals())
                .containsExactly(new CurrentRental("r-" + member, book, null, DUE, false));

        projector.apply(active, new BookAdded(book, "978-0", "Dune", List.of("Frank Herbert"), "Chilton", 1965));

        assertThat(ranked(book)).extracting(RankedBook::title).containsExactly("Dune");
        assertThat(dashboards.of(member).orElseThrow().rentals()).extracting(CurrentRental::title).containsExactly("Dune");
    }

    @Test
    void pointsAreTheSumOfTheMovementsInWhateverOrderTheTopicsDeliverThem() {
        String early = newMemberId();
        String late = newMemberId();
        long book = newBookId();
        // the same facts; for "late" rental's topic is ahead of member's
        projector.apply(active, new MemberRegistered(early, "early", 100));
        projector.apply(active, new PointsToppedUp(early, 50, 150));
        projector.apply(active, new BookRented("r1-" + early, early, book, 1, 40, DUE));
        projector.apply(active, new LateFeePaid(early, "r0-" + early, 50, 60));

        projector.apply(active, new BookRented("r1-" + late, late, book, 2, 40, DUE));
        projector.apply(active, new LateFeePaid(late, "r0-" + late, 50, 60));
        projector.apply(active, new LateFeeOutstanding(late, "rX-" + late, 500, 60)); // nothing charged
        projector.apply(active, new PointsToppedUp(late, 50, 150));
        projector.apply(active, new MemberRegistered(late, "late", 100));

        assertThat(dashboards.of(early).orElseThrow().points()).isEqualTo(60);
        assertThat(dashboards.of(late).orElseThrow().points()).isEqualTo(60);
    }

    @Test
    void theCardIsSuspendedWhileALoanIsOverdueOrAFeeOwedAndActiveAgainWhenBothAreSettled() {
        String member = newMemberId();
        long book = newBookId();
        String rental = "r-" + member;
        projector.apply(active, new MemberRegistered(member, "bob", 100));
        projector.apply(active, new RentRequested(rental, member, book));
        projector.apply(active, new BookRented(rental, member, book, 3, 40, DUE));
        assertThat(dashboards.of(member).orElseThrow().cardStatus()).isEqualTo(CardStatus.ACTIVE);

        projector.apply(active, new LoanOverdue(rental, member, book, DUE));
        assertThat(dashboards.of(member).orElseThrow().cardStatus()).isEqualTo(CardStatus.SUSPENDED);
        assertThat(dashboards.of(member).orElseThrow().rentals()).extracting(CurrentRental::overdue).containsExactly(true);

        projector.apply(active, new BookReturned(rental, member, book, 3, DUE.plus(1, ChronoUnit.DAYS), 1, 50));
        projector.apply(active, new LateFeeOutstanding(member, rental, 50, 60));
        projector.apply(active, new LateFeeUnpaid(rental, member, 50));
        Dashboards.Dashboard owing = dashboards.of(member).orElseThrow();
        assertThat(owing.rentals()).isEmpty();
        assertThat(owing.outstandingFees()).isEqualTo(50);
        assertThat(owing.cardStatus()).as("the fee is owed").isEqualTo(CardStatus.SUSPENDED);

        projector.apply(active, new PointsToppedUp(member, 100, 160));
        projector.apply(active, new LateFeePaid(member, rental, 50, 110));
        projector.apply(active, new LateFeeSettled(rental, member, 50));
        Dashboards.Dashboard settled = dashboards.of(member).orElseThrow();
        assertThat(settled.cardStatus()).isEqualTo(CardStatus.ACTIVE);
        assertThat(settled.outstandingFees()).isZero();
        assertThat(settled.points()).isEqualTo(100 - 40 + 100 - 50);
    }

    @Test
    void aRejectedRentIsNeitherALoanNorARental() {
        String member = newMemberId();
        long book = newBookId();
        projector.apply(active, new MemberRegistered(member, "cy", 100));
        projector.apply(active, new RentRequested("r-" + member, member, book));
        projector.apply(active, new RentRejected("r-" + member, member, book, RejectionReason.NO_COPY_AVAILABLE));

        assertThat(dashboards.of(member).orElseThrow().rentals()).isEmpty();
        assertThat(dashboards.of(member).orElseThrow().points()).isEqualTo(100);
        assertThat(ranked(book)).isEmpty();
    }

    @Test
    void ranksByRentalsThenByTitleThenById() {
        long mostRented = newBookId();
        long tieB = newBookId();
        long tieA = newBookId();
        long untitled = newBookId();
        long tieAAgain = tieA + 1; // the same title: the smaller id first
        projector.apply(active, new BookAdded(mostRented, "1", "Zebra", List.of(), null, null));
        projector.apply(active, new BookAdded(tieB, "2", "Bravo", List.of(), null, null));
        projector.apply(active, new BookAdded(tieA, "3", "Alpha", List.of(), null, null));
        projector.apply(active, new BookAdded(tieAAgain, "4", "Alpha", List.of(), null, null));
        rent(mostRented, 3);
        rent(tieB, 2);
        rent(tieA, 2);
        rent(untitled, 2);
        rent(tieAAgain, 2);

        List<Long> mine = List.of(mostRented, tieB, tieA, untitled, tieAAgain);
        List<RankedBook> ranking = bestBooks.top(50).stream().filter(book -> mine.contains(book.bookId())).toList();

        assertThat(ranking).extracting(RankedBook::bookId).containsExactly(mostRented, tieA, tieAAgain, tieB, untitled);
        assertThat(ranking).extracting(RankedBook::rentals).containsExactly(3, 2, 2, 2, 2);
        assertThat(bestBooks.top(1)).hasSize(1).extracting(RankedBook::rank).containsExactly(1);
    }

    @Test
    void aBooksRankIsItsRowInTheRankingAndABookNeverRentedHasNone() {
        long often = newBookId();
        long once = newBookId();
        long never = newBookId();
        projector.apply(active, new BookAdded(often, "5", "Often", List.of(), null, null));
        projector.apply(active, new BookAdded(once, "6", "Once", List.of(), null, null));
        projector.apply(active, new BookAdded(never, "7", "Never", List.of(), null, null));
        rent(often, 4);
        rent(once, 1);

        for (RankedBook row : bestBooks.top(50)) {
            assertThat(bestBooks.rankOf(row.bookId())).as("book " + row.bookId()).contains(row);
        }
        assertThat(bestBooks.rankOf(often).orElseThrow().rentals()).isEqualTo(4);
        assertThat(bestBooks.rankOf(once).orElseThrow().rank()).isGreaterThan(bestBooks.rankOf(often).orElseThrow().rank());
        assertThat(bestBooks.rankOf(never)).isEmpty();
        assertThat(bestBooks.rankOf(newBookId())).as("a book the read side never heard of").isEmpty();
    }

    @Test
    void aMemberNothingIsKnownAboutHasNoDashboard() {
        assertThat(dashboards.of(newMemberId())).isEmpty();
    }

    @Test
    void aGenerationBeingBuiltIsInvisibleUntilPromotedThenTheOldOneIsDropped() {
        String member = newMemberId();
        projector.apply(active, new MemberRegistered(member, "dee", 100));
        int building = generations.startBuilding();
        assertThat(generations.startBuilding()).as("asking again joins the rebuild under way").isEqualTo(building);
        projector.apply(building, new MemberRegistered(member, "dee", 100));
        projector.apply(building, new PointsToppedUp(member, 25, 125));

        assertThat(dashboards.of(member).orElseThrow().points()).as("the active generation answers").isEqualTo(100);
        assertThat(generations.promote(building)).isTrue();
        assertThat(dashboards.of(member).orElseThrow().points()).as("the new generation answers").isEqualTo(125);
        assertThat(generations.promote(building)).as("promoted once").isFalse();
        assertThat(generations.active()).isEqualTo(building);

        generations.dropViews(active, "rental-query.g" + active);
        assertThat(database.jdbc().sql("SELECT count(*) FROM member_view WHERE generation = :g").param("g", active)
                .query(Integer.class).single()).isZero();
        generations.dropViews(building, "rental-query.g" + building);
        assertThat(dashboards.of(member)).as("the active generation's views are never dropped").isPresent();
    }

    private void rent(long book, int times) {
        for (int i = 0; i < times; i++) {
            String member = newMemberId();
            projector.apply(active, new BookRented("r-" + member, member, book, i, 10, DUE));
        }
    }

    private List<RankedBook> ranked(long book) {
        return bestBooks.top(50).stream().filter(ranked -> ranked.bookId() == book).toList();
    }

    private static String newMemberId() {
        return UUID.randomUUID().toString();
    }

    private static long newBookId() {
        return UUID.randomUUID().getMostSignificantBits() >>> 2; // positive, with room for +1
    }
}
