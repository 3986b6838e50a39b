package dev.bookrental.member.points;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Points as a ledger: every change appends a movement and moves the balance in the same
 * statement pair, inside the caller's transaction. The balance can never go negative nor above
 * {@link #MAX_BALANCE} (the update simply matches no row).
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
        Optional<Integer> balance = jdbc.sql("""
                        UPDATE member SET points = points + :amount
                        WHERE id = :id AND points + :amount BETWEEN 0 AND :max
                        RETURNING points""")
                .param("amount", amount)
                .param("id", memberId)
                .param("max", MAX_BALANCE)
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
