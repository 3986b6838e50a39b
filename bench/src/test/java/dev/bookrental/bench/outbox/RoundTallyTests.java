package dev.bookrental.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.bookrental.bench.CpuUse;

class RoundTallyTests {

    private static final long MS = 1_000_000L;
    private static final Stage STAGE = new Stage("saturation", new Pace.Saturation(), 4, true);
    private static final CpuUse NO_CPU = new CpuUse(1, Map.of());

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    @Test
    void measuresEachMessageFromItsCreationToItsFirstDelivery() throws InterruptedException {
        RoundTally tally = new RoundTally(4);
        tally.started(0);
        tally.expect(a, 0);
        tally.expect(b, 0);
        tally.expect(c, 10 * MS);
        tally.expect(d, 10 * MS);
        tally.sent(15 * MS);
        tally.arrived(a, 2 * MS, 100);
        tally.arrived(b, 4 * MS, 120);
        tally.arrived(c, 16 * MS, 140);
        tally.arrived(d, 50 * MS, 160);

        tally.awaitAll(Duration.ofSeconds(1));
        tally.verify();
        RoundResult result = tally.result("plain", STAGE, NO_CPU);

        assertThat(result.messages()).isEqualTo(4);
        assertThat(result.p50Ms()).isCloseTo(4.0, within(0.01));   // latencies 2, 4, 6, 40 ms
        assertThat(result.p99Ms()).isCloseTo(40.0, within(0.05));
        assertThat(result.maxMs()).isCloseTo(40.0, within(0.05));
        assertThat(result.sendSeconds()).isEqualTo(0.015);
        assertThat(result.seconds()).isEqualTo(0.05);               // first send to last consumed
        assertThat(result.messagesPerSecond()).isCloseTo(80.0, within(0.001));
        assertThat(result.payloadBytes()).isEqualTo(130.0);
    }

    @Test
    void aSecondDeliveryOfAMessageIsADuplicateAndInvalidatesTheRound() throws InterruptedException {
        RoundTally tally = tallyOf(a, b);
        tally.arrived(a, MS, 100);
        tally.arrived(b, MS, 100);
        tally.awaitAll(Duration.ofSeconds(1));
        tally.arrived(a, 2 * MS, 100);

        assertThatThrownBy(tally::verify).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 of 2 messages arrived").hasMessageContaining("1 duplicate deliveries");
    }

    @Test
    void aMessageThatWasNotSentInThisRoundInvalidatesIt() throws InterruptedException {
        RoundTally tally = tallyOf(a);
        tally.arrived(a, MS, 100);
        tally.arrived(b, MS, 100);
        tally.awaitAll(Duration.ofSeconds(1));

        assertThatThrownBy(tally::verify).hasMessageContaining("1 unknown");
    }

    @Test
    void aMissingMessageFailsTheWaitWithTheCounts() {
        RoundTally tally = tallyOf(a, b);
        tally.arrived(a, MS, 100);

        assertThatThrownBy(() -> tally.awaitAll(Duration.ofMillis(200))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("within 0 s").hasMessageContaining("1 of 2 messages arrived (2 sent)");
    }

    @Test
    void aFailedSendEndsTheWaitAtOnce() {
        RoundTally tally = tallyOf(a, b);
        tally.failed(new IllegalStateException("broker down"));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> tally.awaitAll(Duration.ofSeconds(30)))
                .hasMessageContaining("Round failed").hasMessageContaining("broker down");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRoundWithFewerSendsThanPlannedIsInvalidEvenIfAllOfThemArrived() {
        RoundTally tally = new RoundTally(2);
        tally.expect(a, 0);
        tally.arrived(a, MS, 100);

        assertThatThrownBy(tally::verify).hasMessageContaining("1 of 2 messages arrived (1 sent)");
    }

    @Test
    void refusesTheSameMessageIdTwice() {
        RoundTally tally = tallyOf(a);

        assertThatThrownBy(() -> tally.expect(a, 0)).hasMessageContaining("sent twice");
    }

    private static RoundTally tallyOf(UUID... ids) {
        RoundTally tally = new RoundTally(ids.length);
        tally.started(0);
        for (UUID id : ids) {
            tally.expect(id, 0);
        }
        return tally;
    }
}
