package dev.bookrental.rental.card;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.api.RentalTopics;
import dev.bookrental.rental.eventstore.EventStore;
import dev.bookrental.rental.eventstore.RecordedEvent;
import dev.bookrental.rental.eventstore.StreamVersionConflictException;

/**
 * The rental cards, kept as event streams: loading a card reads its latest snapshot and the
 * events after it; appending events stores them at the card's version (optimistic concurrency),
 * queues each for {@link RentalTopics#EVENTS} in the same transaction (transactional outbox), and
 * stores a new snapshot every {@link RentalProperties#snapshotEvery()} events.
 */
@Repository
public class RentalCards {

    private final EventStore store;
    private final CardSnapshots snapshots;
    private final CardEventCodec codec;
    private final Outbox outbox;
    private final int snapshotEvery;

    RentalCards(EventStore store, CardSnapshots snapshots, CardEventCodec codec, Outbox outbox, RentalProperties properties) {
        this.store = store;
        this.snapshots = snapshots;
        this.codec = codec;
        this.outbox = outbox;
        this.snapshotEvery = properties.snapshotEvery();
    }

    /**
     * The repository wired by hand, for code that runs without the service's Spring context: the
     * event store benchmark (bench/) and tests of other packages. Appends still need a transaction,
     * e.g. from a {@code TransactionTemplate} over the data source {@code jdbc} uses.
     */
    public static RentalCards create(JdbcClient jdbc, JsonMapper json, Outbox outbox, RentalProperties properties) {
        return new RentalCards(new EventStore(jdbc), new CardSnapshots(jdbc, json), new CardEventCodec(json), outbox, properties);
    }

    /** The member's card: its snapshot (when snapshots are on) and the events after it. */
    public RentalCard of(String memberId) {
        RentalCard start = snapshotEvery > 0 ? snapshots.latest(memberId).orElseGet(() -> RentalCard.open(memberId))
                : RentalCard.open(memberId);
        return replay(start, store.load(RentalCard.streamOf(memberId), start.version()));
    }

    /** The member's card from all of its events, ignoring any snapshot: what a snapshot must agree with. */
    public RentalCard replayedInFull(String memberId) {
        return replay(RentalCard.open(memberId), store.load(RentalCard.streamOf(memberId), 0));
    }

    /**
     * Appends the events a decision on {@code card} returned.
     *
     * @return the card with the events applied
     * @throws StreamVersionConflictException when another command appended to the card since it was
     *                                        loaded: load it again and decide again
     */
    @Transactional(propagation = Propagation.MANDATORY) // the events, their outbox rows and the caller's own changes commit together
    public RentalCard append(RentalCard card, List<? extends RentalEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return card;
        }
        store.append(RentalCard.streamOf(card.memberId()), card.version(),
                events.stream().map(event -> codec.encode(event, metadata)).toList());
        for (RentalEvent event : events) {
            outbox.enqueue(RentalTopics.EVENTS, card.memberId(), (Record) event); // every RentalEvent is a record
        }
        RentalCard changed = card.applyAll(events);
        if (snapshotEvery > 0 && changed.version() / snapshotEvery > card.version() / snapshotEvery) {
            snapshots.save(changed);
        }
        return changed;
    }

    private RentalCard replay(RentalCard start, List<RecordedEvent> events) {
        RentalCard card = start;
        for (RecordedEvent event : events) {
            if (event.version() != card.version() + 1) {
                throw new IllegalStateException("Event " + event.eventId() + " of " + event.streamId() + " has version "
                        + event.version() + ", the card is at version " + card.version());
            }
            card = card.apply(codec.decode(event));
        }
        return card;
    }
}
