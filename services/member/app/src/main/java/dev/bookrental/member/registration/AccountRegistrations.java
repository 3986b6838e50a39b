package dev.bookrental.member.registration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.bookrental.auth.api.AuthEvent;
import dev.bookrental.auth.api.AuthEvent.AccountRegistered;
import dev.bookrental.auth.api.AuthTopics;
import dev.bookrental.member.api.MemberEvent.MemberRegistered;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.member.points.PointsLedger;
import dev.bookrental.member.profile.MemberRepository;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.Outbox;

/**
 * Eventual consistency between auth and member: each {@link AccountRegistered} fact creates the
 * member's profile with the welcome bonus, exactly once per account (idempotent consumer, and the
 * profile's primary key is the account id), in one transaction with the {@link MemberRegistered}
 * fact it publishes.
 */
@Component
class AccountRegistrations {

    static final int WELCOME_BONUS = 100;
    private static final String CONSUMER = "member.account-registrations";

    private final IdempotentConsumer idempotent;
    private final MemberRepository members;
    private final PointsLedger ledger;
    private final Outbox outbox;

    AccountRegistrations(IdempotentConsumer idempotent, MemberRepository members, PointsLedger ledger, Outbox outbox) {
        this.idempotent = idempotent;
        this.members = members;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    // A new group starts at the first fact, not the latest: no registration is skipped.
    @KafkaListener(topics = AuthTopics.EVENTS, groupId = "member", properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, String> record) {
        idempotent.handle(CONSUMER, record, AuthEvent.class, message -> {
            switch (message.payload()) {
                case AccountRegistered registered -> register(registered);
            }
        });
    }

    private void register(AccountRegistered account) {
        if (members.create(account.accountId(), account.username(), account.displayName())) {
            ledger.move(account.accountId(), WELCOME_BONUS, "WELCOME_BONUS");
            outbox.enqueue(MemberTopics.EVENTS, account.accountId(),
                    new MemberRegistered(account.accountId(), account.username(), WELCOME_BONUS));
        }
    }
}
