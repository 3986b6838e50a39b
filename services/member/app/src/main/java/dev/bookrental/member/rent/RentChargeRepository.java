package dev.bookrental.member.rent;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.bookrental.member.rent.RentCharge.State;

/** The decisions about each rental's rent, table {@code rental_charge}. */
@Repository
class RentChargeRepository {

    private final JdbcClient jdbc;

    RentChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The decision about the rental, its row locked until the transaction ends. */
    Optional<RentCharge> findForUpdate(String rentalId) {
        return jdbc.sql("SELECT rental_id, member_id, amount, balance, state FROM rental_charge WHERE rental_id = :id FOR UPDATE")
                .param("id", rentalId)
                .query((rs, row) -> new RentCharge(rs.getString("rental_id"), rs.getString("member_id"), rs.getInt("amount"),
                        rs.getInt("balance"), State.valueOf(rs.getString("state"))))
                .optional();
    }

    /**
     * Stores the first decision about a rental. A second first decision (two commands of one rental
     * handled at once, e.g. by two instances during a rebalance) violates the primary key: its
     * transaction rolls back and its command is retried, and then answered from the stored one.
     */
    void insert(RentCharge charge) {
        jdbc.sql("""
                        INSERT INTO rental_charge (rental_id, member_id, amount, balance, state)
                        VALUES (:rentalId, :memberId, :amount, :balance, :state)""")
                .param("rentalId", charge.rentalId())
                .param("memberId", charge.memberId())
                .param("amount", charge.amount())
                .param("balance", charge.balance())
                .param("state", charge.state().name())
                .update();
    }

    void markRefunded(String rentalId, int balance) {
        jdbc.sql("UPDATE rental_charge SET state = 'REFUNDED', balance = :balance, updated_at = now() WHERE rental_id = :id")
                .param("balance", balance)
                .param("id", rentalId)
                .update();
    }
}
