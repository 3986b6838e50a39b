package dev.bookrental.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaceTests {

    private static final long START = 7_000_000_000L;

    @Test
    void atSaturationEveryMessageIsDueAtTheStart() {
        Pace burst = new Pace.Saturation();

        assertThat(burst.dueNanos(START, 0)).isEqualTo(START);
        assertThat(burst.dueNanos(START, 49_999)).isEqualTo(START);
    }

    @Test
    void aFixedRateSpacesTheMessagesEvenly() {
        Pace paced = new Pace.Fixed(500);

        assertThat(paced.dueNanos(START, 0)).isEqualTo(START);
        assertThat(paced.dueNanos(START, 1)).isEqualTo(START + 2_000_000);
        assertThat(paced.dueNanos(START, 500)).isEqualTo(START + 1_000_000_000);
        assertThat(paced.dueNanos(START, 9_999)).isEqualTo(START + 19_998_000_000L);
        assertThat(paced.label()).isEqualTo("paced 500/s");
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new Pace.Fixed(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
