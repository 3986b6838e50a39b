package dev.bookrental.member.registration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.auth.api.AuthTopics;
import dev.bookrental.member.api.MemberEvent.MemberRegistered;
import dev.bookrental.member.api.MemberTopics;
import dev.bookrental.member.points.PointsLedger;
import dev.bookrental.member.profile.MemberRepository;
import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.platform.messaging.Message;
import dev.bookrental.platform.messaging.Outbox;

/**
 * The AccountRegistered consumer, as a unit: the record goes through a real {@link IdempotentConsumer}
 * (real JSON mapping, real transaction template) whose database and transaction manager are mocks,
 * and the profile, ledger and outbox it drives are mocks too.
 */
class AccountRegistrationsTests {

    private static final String ACCOUNT = "acc-42";
    private static final String REGISTERED = """
            {"accountId":"acc-42","username":"ada","displayName":"Ada Lovelace"}""";

    private final MemberRepository members = mock(MemberRepository.class);
    private final PointsLedger ledger = mock(PointsLedger.class);
    private final Outbox outbox = mock(Outbox.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    /** The processed_message insert of the idempotent consumer: 1 row when first seen, 0 when a redelivery. */
    private final StatementSpec processedMessageInsert = mock(StatementSpec.class, RETURNS_SELF);

    private AccountRegistrations registrations;

    @BeforeEach
    void wire() {
        JdbcClient jdbc = mock(JdbcClient.class);
        given(jdbc.sql(anyString())).willReturn(processedMessageInsert);
        given(transactions.getTransaction(any())).willReturn(new SimpleTransactionStatus());
        IdempotentConsumer idempotent = new IdempotentConsumer(jdbc, new TransactionTemplate(transactions),
                JsonMapper.builder().build());
        registrations = new AccountRegistrations(idempotent, members, ledger, outbox);
    }

    @Test
    void newAccountGetsAProfileTheWelcomeBonusAndAMemberRegisteredFactInOneTransaction() {
        given(processedMessageInsert.update()).willReturn(1);
        given(members.create(ACCOUNT, "ada", "Ada Lovelace")).willReturn(true);

        registrations.on(accountRegistered(UUID.randomUUID()));

        InOrder inOrder = inOrder(transactions, members, ledger, outbox);
        inOrder.verify(transactions).getTransaction(any());
        inOrder.verify(members).create(ACCOUNT, "ada", "Ada Lovelace");
        inOrder.verify(ledger).move(ACCOUNT, 100, "WELCOME_BONUS");
        inOrder.verify(outbox).enqueue(MemberTopics.EVENTS, ACCOUNT, new MemberRegistered(ACCOUNT, "ada", 100));
        inOrder.verify(transactions).commit(any());
    }

    @Test
    void existingProfileGetsNoBonusAndPublishesNothing() {
        given(processedMessageInsert.update()).willReturn(1);
        given(members.create(ACCOUNT, "ada", "Ada Lovelace")).willReturn(false);

        registrations.on(accountRegistered(UUID.randomUUID()));

        verify(members).create(ACCOUNT, "ada", "Ada Lovelace");
        verifyNoInteractions(ledger, outbox);
    }

    @Test
    void redeliveredRegistrationIsNotAppliedAgain() {
        given(processedMessageInsert.update()).willReturn(0);

        registrations.on(accountRegistered(UUID.randomUUID()));

        verify(members, never()).create(anyString(), anyString(), anyString());
        verify(ledger, never()).move(anyString(), anyInt(), anyString());
        verifyNoInteractions(outbox);
    }

    private static ConsumerRecord<String, String> accountRegistered(UUID messageId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(AuthTopics.EVENTS, 0, 0L, ACCOUNT, REGISTERED);
        record.headers().add(Message.ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Message.TYPE, "AccountRegistered".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Message.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
