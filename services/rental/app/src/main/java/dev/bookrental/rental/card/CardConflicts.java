package dev.bookrental.rental.card;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.rental.eventstore.StreamVersionConflictException;

/**
 * Runs a command on a card again when another command appended to the same card first
 * (optimistic concurrency): the loser's transaction rolled back whole, so running it again loads
 * the fresh card and decides anew. Two commands on one card at the same moment are rare (a member's
 * own requests, a reply of one of their sagas, the overdue job), so a few attempts are plenty.
 */
@Component
public class CardConflicts {

    static final int ATTEMPTS = 5;

    private final TransactionTemplate transactions;

    /** Public for tests of other packages, which wire a service without Spring. */
    public CardConflicts(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** {@code command} in a transaction of its own, again on a conflict. */
    public <T> T inTransaction(Supplier<T> command) {
        return retried(() -> transactions.execute(status -> command.get()));
    }

    /** {@code command}, which opens its own transaction, again on a conflict. */
    public <T> T retried(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (StreamVersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
