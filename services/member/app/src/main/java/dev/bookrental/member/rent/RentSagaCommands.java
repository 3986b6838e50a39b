package dev.bookrental.member.rent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.member.api.MemberCommand;
import dev.bookrental.member.api.MemberCommand.ChargePoints;
import dev.bookrental.member.api.MemberCommand.RefundPoints;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.PoisonMessageException;

/**
 * The rent saga's commands to member, consumed once per message id ({@link IdempotentConsumer}) and
 * decided once per rental ({@link RentCharges}), in the transaction that records the message id.
 */
@Component
class RentSagaCommands {

    static final String CONSUMER = "member.rent-saga";

    private final IdempotentConsumer idempotent;
    private final RentCharges charges;

    RentSagaCommands(IdempotentConsumer idempotent, RentCharges charges) {
        this.idempotent = idempotent;
        this.charges = charges;
    }

    // A new group starts at the first command, not the latest: none is skipped.
    @KafkaListener(topics = MemberTopics.COMMANDS, groupId = "member", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        idempotent.handle(CONSUMER, record, MemberCommand.class, message -> {
            switch (requireIds(message.payload())) {
                case ChargePoints charge -> charges.charge(charge);
                case RefundPoints refund -> charges.refund(refund);
            }
        });
    }

    /** A command without a rental or member id cannot be answered nor decided: a dead letter at once. */
    private static MemberCommand requireIds(MemberCommand command) {
        String memberId = switch (command) {
            case ChargePoints charge -> charge.memberId();
            case RefundPoints refund -> refund.memberId();
        };
        if (command.rentalId() == null || memberId == null) {
            throw new PoisonMessageException("Command without rental or member id: " + command);
        }
        return command;
    }
}
