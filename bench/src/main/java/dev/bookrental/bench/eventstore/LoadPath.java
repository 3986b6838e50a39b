package dev.bookrental.bench.eventstore;

/**
 * What loading a card of {@code events} events reads when {@code RentalCards} stores a snapshot
 * every {@code snapshotEvery} events (0: never) and the events were appended one at a time: the
 * latest snapshot, at the last multiple of {@code snapshotEvery}, and the events after it.
 */
record LoadPath(int events, int snapshotEvery) {

    LoadPath {
        if (events < 1 || snapshotEvery < 0) {
            throw new IllegalArgumentException("A card of " + events + " events, a snapshot every " + snapshotEvery);
        }
    }

    boolean snapshots() {
        return snapshotEvery > 0;
    }

    /** The version of the card's snapshot, 0 for none. */
    int snapshotVersion() {
        return snapshots() ? events / snapshotEvery * snapshotEvery : 0;
    }

    /** The events read after the snapshot (all of them without one). */
    int tail() {
        return events - snapshotVersion();
    }

    String describe() {
        return snapshotVersion() == 0 ? "%,d events".formatted(events)
                : "snapshot at %,d + %,d events".formatted(snapshotVersion(), tail());
    }
}
