package dev.bookrental.bench.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadPathTests {

    @Test
    void readsTheLatestSnapshotAndTheEventsAfterIt() {
        assertThat(new LoadPath(10_000, 50)).satisfies(path -> {
            assertThat(path.snapshotVersion()).isEqualTo(10_000);
            assertThat(path.tail()).isZero();
            assertThat(path.describe()).isEqualTo("snapshot at 10,000 + 0 events");
        });
        assertThat(new LoadPath(10_049, 50)).satisfies(path -> {
            assertThat(path.snapshotVersion()).isEqualTo(10_000);
            assertThat(path.tail()).isEqualTo(49);
        });
    }

    @Test
    void readsEveryEventOfACardShorterThanTheInterval() {
        LoadPath path = new LoadPath(10, 50);

        assertThat(path.snapshots()).isTrue();
        assertThat(path.snapshotVersion()).isZero();
        assertThat(path.tail()).isEqualTo(10);
        assertThat(path.describe()).isEqualTo("10 events");
    }

    @Test
    void readsEveryEventWithoutSnapshots() {
        LoadPath path = new LoadPath(10_000, 0);

        assertThat(path.snapshots()).isFalse();
        assertThat(path.snapshotVersion()).isZero();
        assertThat(path.tail()).isEqualTo(10_000);
        assertThat(path.describe()).isEqualTo("10,000 events");
    }

    @Test
    void aCardHasEventsAndTheIntervalIsNotNegative() {
        assertThatThrownBy(() -> new LoadPath(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadPath(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
