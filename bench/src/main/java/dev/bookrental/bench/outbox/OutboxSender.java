package dev.bookrental.bench.outbox;

import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.platform.messaging.Outbox;

/**
 * The way with the transactional outbox: one database transaction per message, as a state change
 * would open, holding only {@link Outbox#enqueue}; the service's {@code OutboxRelay} publishes it
 * after the commit. The state change itself is left out: a service pays for it either way.
 */
final class OutboxSender implements Sender {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final String topic;

    OutboxSender(Outbox outbox, TransactionTemplate transactions, String topic) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.topic = topic;
    }

    @Override
    public String way() {
        return "outbox";
    }

    @Override
    public void send(BookAdded event, long createdNanos, RoundTally tally) {
        // expected before the commit: the relay cannot see the row earlier, so neither can the consumer
        transactions.executeWithoutResult(status -> tally.expect(outbox.enqueue(topic, Sender.key(event), event), createdNanos));
    }

    @Override
    public void flush() {
        // nothing buffered here: the relay waits for the broker's acknowledgements of every batch
    }
}
