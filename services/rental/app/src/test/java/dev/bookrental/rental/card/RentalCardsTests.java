package dev.bookrental.rental.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
import dev.bookrental.rental.eventstore.EventStore;
import dev.bookrental.rental.eventstore.NewEvent;
import dev.bookrental.rental.eventstore.StreamVersionConflictException;

/**
 * Cards kept as event streams, against a real PostgreSQL migrated by rental's own scripts: appends
 * go to the store and the outbox together, snapshots bound what a load reads, and a card from its
 * snapshot and tail is the card from all its events.
 */
class RentalCardsTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration", MessagingAutoConfiguration.MIGRATIONS);

    private static final CardRules RULES = new CardRules(5, Duration.ofDays(14), 5);
    private static final EventMetadata METADATA = EventMetadata.causedBy("test", "correlation", null);
    private static final int SNAPSHOT_EVERY = 10;

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static EventStore store;
    private static RentalCards withSnapshots;
    private static RentalCards withoutSnapshots;

    @BeforeAll
    static void useDatabase() {
        jdbc = database.jdbc();
        transactions = new TransactionTemplate(new JdbcTransactionManager(database.dataSource()));
        JsonMapper json = JsonMapper.builder().build();
        store = new EventStore(jdbc);
        Outbox outbox = new Outbox(jdbc, json, TraceContext.NONE);
        CardEventCodec codec = new CardEventCodec(json);
        withSnapshots = new RentalCards(store, new CardSnapshots(jdbc, json), codec, outbox, TestProperties.of(RULES.maxLoans(), SNAPSHOT_EVERY));
        withoutSnapshots = new RentalCards(store, new CardSnapshots(jdbc, json), codec, outbox, TestProperties.of(RULES.maxLoans(), 0));
    }

    @Test
    void appendsEventsToTheStreamAndTheirFactsToTheOutboxTogether() {
        String member = newMember();
        RentalCard card = RentalCard.open(member);

        RentalCard changed = inTransaction(() -> withSnapshots.append(card, List.of(card.requestRent("r1", 7, RULES)), METADATA));

        assertThat(changed.version()).isEqualTo(1);
        assertThat(withSnapshots.of(member)).isEqualTo(changed);
        assertThat(jdbc.sql("SELECT message_type FROM outbox_message WHERE message_key = :member").param("member", member)
                .query(String.class).list()).containsExactly("RentRequested");
        assertThat(jdbc.sql("SELECT metadata->>'causationId' FROM event WHERE stream_id = :stream")
                .param("stream", RentalCard.streamOf(member)).query(String.class).single()).isEqualTo("test");
    }

    @Test
    void aConflictingAppendStoresNothingNeitherEventNorFact() {
        String member = newMember();
        RentalCard card = RentalCard.open(member);
        inTransaction(() -> withSnapshots.append(card, List.of(card.requestRent("r1", 7, RULES)), METADATA));

        assertThatThrownBy(() -> inTransaction(() -> withSnapshots.append(card, List.of(card.requestRent("r2", 8, RULES)), METADATA)))
                .isInstanceOf(StreamVersionConflictException.class);

        assertThat(withSnapshots.of(member).pending()).extracting(RentalCard.PendingRent::rentalId).containsExactly("r1");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = :member").param("member", member)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSnapshotEveryTenEventsBoundsTheLoadAndAgreesWithTheFullReplay() {
        String member = newMember();
        RentalCard card = grow(withSnapshots, member, 25);

        assertThat(card.version()).isEqualTo(24 * 4 + 2); // a rent and its return are 4 events; the last book stays out
        assertThat(snapshotVersion(member)).isEqualTo(90);
        assertThat(withSnapshots.of(member)).isEqualTo(card).isEqualTo(withSnapshots.replayedInFull(member));
        assertThat(withoutSnapshots.of(member)).isEqualTo(card);
    }

    @Test
    void aSnapshotOfAnotherShapeIsIgnoredAndTheCardReplayedInFull() {
        String member = newMember();
        RentalCard card = grow(withSnapshots, member, 3);
        jdbc.sql("UPDATE card_snapshot SET shape = -1, state = '{\"not\":\"a card\"}' WHERE stream_id = :stream")
                .param("stream", RentalCard.streamOf(member)).update();

        assertThat(withSnapshots.of(member)).isEqualTo(card);
    }

    @Test
    void anEventOfAnUnknownTypeIsNeverSkipped() {
        String member = newMember();
        store.append(RentalCard.streamOf(member), 0, List.of(new NewEvent(UUID.randomUUID(), "FromTheFuture", 1, "{}", "{}")));

        assertThatThrownBy(() -> withSnapshots.of(member)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FromTheFuture");
    }

    /** Rents and returns {@code rents} books (the last stays out): 4 events per rent but the last, 2 of them. */
    private static RentalCard grow(RentalCards cards, String member, int rents) {
        RentalCard card = RentalCard.open(member);
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        for (int i = 1; i <= rents; i++) {
            String rental = "r" + i;
            RentalCard before = card;
            card = inTransaction(() -> cards.append(before, List.of(before.requestRent(rental, 1, RULES)), METADATA));
            RentalCard requested = card;
            card = inTransaction(() -> cards.append(requested, List.of(requested.rent(rental, 11, 10, now, RULES)), METADATA));
            if (i < rents) {
                RentalCard out = card;
                var returned = out.returnBook(rental, now.plus(Duration.ofDays(15)), RULES);
                card = inTransaction(() -> cards.append(out, List.of(returned), METADATA));
                RentalCard owing = card;
                card = inTransaction(() -> cards.append(owing, List.of(owing.feeSettled(rental, returned.lateFee()).orElseThrow()), METADATA));
            }
        }
        return card;
    }

    private static int snapshotVersion(String member) {
        return jdbc.sql("SELECT version FROM card_snapshot WHERE stream_id = :stream").param("stream", RentalCard.streamOf(member))
                .query(Integer.class).single();
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private static String newMember() {
        return "member-" + UUID.randomUUID();
    }
}
