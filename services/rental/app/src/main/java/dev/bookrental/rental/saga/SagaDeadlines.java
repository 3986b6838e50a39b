package dev.bookrental.rental.saga;

import java.time.Clock;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The saga's clock: every {@code rental.saga.check} it hands the rentals whose deadline passed to
 * {@link RentSaga#pastDeadline} — steps waited on too long are compensated, compensations not yet
 * acknowledged are sent again. Rows are locked with SKIP LOCKED, so several rental instances share
 * the work and a saga busy with a reply is left to it.
 */
@Component
class SagaDeadlines {

    private static final int BATCH = 100;

    private final Rentals rentals;
    private final RentSaga saga;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SagaDeadlines(Rentals rentals, RentSaga saga, TransactionTemplate transactions, Clock clock) {
        this.rentals = rentals;
        this.saga = saga;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rental.saga.check:500ms}")
    void check() {
        int handled;
        do {
            handled = transactions.execute(status -> {
                List<Rental> due = rentals.lockPastDeadline(clock.instant(), BATCH);
                due.forEach(saga::pastDeadline);
                return due.size();
            });
        } while (handled == BATCH);
    }
}
