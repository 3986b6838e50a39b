package dev.bookrental.rental.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.messaging.MessagingAutoConfiguration;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.platform.messaging.TraceContext;
import dev.bookrental.platform.testsupport.MigratedPostgres;
import dev.bookrental.rental.card.CardConflicts;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;
import dev.bookrental.rental.card.TestProperties;
import dev.bookrental.rental.remote.BookCatalog;

/**
 * The own-data rule of rentals against a real PostgreSQL (broken object-level authorization is what
 * it prevents): a member sees and brings back only the rentals of their own card. Another member's
 * rental is "not found", the same answer as for an id that does not exist, so ids cannot be probed,
 * and trying changes nothing.
 */
class RentalOwnershipTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration", MessagingAutoConfiguration.MIGRATIONS);

    private static final long BOOK = 7;

    private static RentalCards cards;
    private static Rentals rentals;
    private static RentalService service;

    @BeforeAll
    static void wire() {
        JdbcClient jdbc = database.jdbc();
        JsonMapper json = JsonMapper.builder().build();
        Outbox outbox = new Outbox(jdbc, json, TraceContext.NONE);
        RentalProperties properties = TestProperties.of(5, 0);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        cards = RentalCards.create(jdbc, json, outbox, properties);
        rentals = new Rentals(jdbc);
        BookCatalog catalog = mock(BookCatalog.class);
        given(catalog.book(BOOK)).willReturn(new BookCatalog.BookSummary(BOOK, "Dune"));
        service = new RentalService(cards, rentals, new RentSaga(rentals, cards, outbox, properties, clock,
                new SagaMetrics(new SimpleMeterRegistry(), clock)),
                new CardConflicts(new TransactionTemplate(new JdbcTransactionManager(database.dataSource()))), catalog,
                properties, TraceContext.NONE, clock);
    }

    @Test
    void aMemberSeesTheirOwnRental() {
        String owner = newMember();
        Rental rental = service.request(owner, BOOK);

        assertThat(service.find(owner, rental.rentalId()).rentalId()).isEqualTo(rental.rentalId());
    }

    @Test
    void anotherMembersRentalIsNotFoundLikeOneThatDoesNotExist() {
        Rental rental = service.request(newMember(), BOOK);
        String other = newMember();

        RentalNotFoundProblem foreign = catchThrowableOfType(RentalNotFoundProblem.class, () -> service.find(other, rental.rentalId()));
        RentalNotFoundProblem missing = catchThrowableOfType(RentalNotFoundProblem.class, () -> service.find(other, UUID.randomUUID()));

        assertThat(foreign).isNotNull();
        assertThat(missing).isNotNull();
        assertThat(foreign.getStatusCode().value()).isEqualTo(404).isEqualTo(missing.getStatusCode().value());
        assertThat(foreign.getBody().getType()).isEqualTo(missing.getBody().getType());
    }

    @Test
    void anotherMemberCannotReturnARentalAndNothingChanges() {
        String owner = newMember();
        Rental rental = service.request(owner, BOOK);
        String other = newMember();

        assertThatThrownBy(() -> service.returnBook(other, rental.rentalId())).isInstanceOf(RentalNotFoundProblem.class);
        // The owner gets past the rule: a PENDING rental is not out yet.
        assertThatThrownBy(() -> service.returnBook(owner, rental.rentalId())).isInstanceOf(RentalNotOutProblem.class);

        assertThat(rentals.find(rental.rentalId()).orElseThrow().status()).isEqualTo(Rental.Status.PENDING);
        assertThat(cards.of(other).version()).isZero();
        assertThat(cards.of(owner).pending()).hasSize(1);
    }

    private static String newMember() {
        return "member-" + UUID.randomUUID();
    }
}
