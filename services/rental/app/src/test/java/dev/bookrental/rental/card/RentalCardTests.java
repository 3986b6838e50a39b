package dev.bookrental.rental.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.bookrental.rental.eventstore.RecordedEvent;

/** The rental card without Spring. */
class RentalCardTests {

    @Test
    void aMemberWhoNeverRentedHasAnOpenEmptyCard() {
        RentalCard card = RentalCard.replay("member-1", List.of());

        assertThat(card).isEqualTo(new RentalCard("member-1", RentalCard.CardStatus.ACTIVE, List.of(), 0, 0));
        assertThat(RentalCard.streamOf("member-1")).isEqualTo("rental-card-member-1");
    }

    @Test
    void anEventOfAnUnknownTypeIsNeverSkipped() {
        RecordedEvent unknown = new RecordedEvent(1, UUID.randomUUID(), "rental-card-member-1", 1, "FromTheFuture", 1,
                "{}", "{}", Instant.now());

        assertThatThrownBy(() -> RentalCard.replay("member-1", List.of(unknown)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FromTheFuture");
    }

    @Test
    void aGapInTheStreamIsDetected() {
        RecordedEvent second = new RecordedEvent(7, UUID.randomUUID(), "rental-card-member-1", 2, "Any", 1, "{}", "{}",
                Instant.now());

        assertThatThrownBy(() -> RentalCard.replay("member-1", List.of(second)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 2");
    }
}
