package dev.bookrental.member.points;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points as a ledger: every change appends a movement and moves the balance in the same
 * statement pair, inside the caller's transaction. The balance can never go negative nor, by a
 * {@link #move}, above {@link #MAX_BALANCE} (the update simply matches no row).
 */
@Repository
public class PointsLedger {

    public static final int MAX_TOP_UP = 10_000;
    public static final int MAX_BALANCE = 1_000_000;

    private final JdbcClient jdbc;

    PointsLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code amount} (negative to charge) with a reason; empty when the balance would leave
     * 0..MAX_BALANCE or the member does not exist.
     */
    public Optional<Balance> move(String memberId, int amount, String reason) {
        return apply(memberId, amount, reason, MAX_BALANCE);
    }

    /**
     * Gives back {@code amount} points that were charged before (a compensation), even when the
     * balance has reached {@link #MAX_BALANCE} since: the limit keeps members from buying without
     * bound, and a compensation must never be refused. Empty only when the member does not exist.
     */
    public Optional<Balance> giveBack(String memberId, int amount, String reason) {
        if (amount <= 0) {
            throw new IllegalArgumentException("Only a positive amount can be given back: " + amount);
        }
        return apply(memberId, amount, reason, Integer.MAX_VALUE);
    }

    /**
     * The member's balance, with their row locked until the transaction ends: decisions about one
     * member's points (a charge, a refund, a late fee, a top-up that pays fees) are taken one at a
     * time, each seeing what the one before committed. Empty when the member does not exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Balance> lock(String memberId) {
        return jdbc.sql("SELECT points FROM member WHERE id = :id FOR UPDATE")
                .param("id", memberId)
                .query(Integer.class)
                .optional()
                .map(points -> new Balance(memberId, points));
    }

    private Optional<Balance> apply(String memberId, int amount, String reason, int max) {
        Optional<Integer> balance = jdbc.sql("""
                        UPDATE member SET points = points + :amount
                        WHERE id = :id AND points + :amount BETWEEN 0 AND :max
                        RETURNING points""")
                .param("amount", amount)
                .param("id", memberId)
                .param("max", max)
                .query(Integer.class)
                .optional();
        balance.ifPresent(points -> jdbc.sql("""
                        INSERT INTO point_movement (member_id, amount, reason, balance_after)
                        VALUES (:id, :amount, :reason, :balance)""")
                .param("id", memberId)
                .param("amount", amount)
                .param("reason", reason)
                .param("balance", points)
                .update());
        return balance.map(points -> new Balance(memberId, points));
    }
}
