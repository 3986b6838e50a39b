package dev.bookrental.rental.fees;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.member.api.MemberEvent;
import dev.bookrental.member.api.MemberEvent.LateFeeOutstanding;
import dev.bookrental.member.api.MemberEvent.LateFeePaid;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.TraceContext;
import dev.bookrental.rental.api.RentalEvent;
import dev.bookrental.rental.card.CardConflicts;
import dev.bookrental.rental.card.EventMetadata;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;

/**
 * The end of the return choreography: member answers a late return's {@code BookReturned} with
 * {@code LateFeePaid} or {@code LateFeeOutstanding} (at once, or after a top-up covered it), and the
 * card records it — a paid fee no longer holds the card suspended. Other member facts are not
 * rental's concern.
 */
@Component
class LateFees {

    private static final String CONSUMER = "rental.late-fees";

    private final IdempotentConsumer idempotent;
    private final RentalCards cards;
    private final CardConflicts conflicts;
    private final TraceContext trace;

    LateFees(IdempotentConsumer idempotent, RentalCards cards, CardConflicts conflicts, TraceContext trace) {
        this.idempotent = idempotent;
        this.cards = cards;
        this.conflicts = conflicts;
        this.trace = trace;
    }

    @KafkaListener(topics = MemberTopics.EVENTS, groupId = "rental", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        conflicts.retried(() -> idempotent.handle(CONSUMER, record, MemberEvent.class, this::apply));
    }

    private void apply(Message<MemberEvent> message) {
        switch (message.payload()) {
            case LateFeePaid paid -> record(message, paid.memberId(), paid.rentalId(),
                    card -> card.feeSettled(paid.rentalId(), paid.fee()));
            case LateFeeOutstanding outstanding -> record(message, outstanding.memberId(), outstanding.rentalId(),
                    card -> card.feeUnpaid(outstanding.rentalId(), outstanding.fee()));
            default -> {
                // registrations and top-ups change nothing on a card
            }
        }
    }

    private void record(Message<MemberEvent> message, String memberId, String rentalId,
            Function<RentalCard, Optional<? extends RentalEvent>> decision) {
        RentalCard card = cards.of(memberId);
        decision.apply(card).ifPresent(event ->
                cards.append(card, List.of(event), EventMetadata.causedBy(message.id(), rentalId, trace.currentTraceparent())));
    }
}
