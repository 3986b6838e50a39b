package dev.bookrental.member.points;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The late fee of each returned rental, paid or outstanding, table {@code late_fee}. */
@Repository
class LateFeeRepository {

    private final JdbcClient jdbc;

    LateFeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String rentalId) {
        return jdbc.sql("SELECT count(*) FROM late_fee WHERE rental_id = :id").param("id", rentalId)
                .query(Long.class).single() > 0;
    }

    void insertPaid(LateFee fee) {
        insert(fee, true);
    }

    void insertOutstanding(LateFee fee) {
        insert(fee, false);
    }

    /** The member's outstanding fees, oldest first, locked until the transaction ends. */
    List<LateFee> outstandingForUpdate(String memberId) {
        return jdbc.sql("""
                        SELECT rental_id, member_id, fee FROM late_fee
                        WHERE member_id = :id AND state = 'OUTSTANDING'
                        ORDER BY created_at, rental_id
                        FOR UPDATE""")
                .param("id", memberId)
                .query((rs, row) -> new LateFee(rs.getString("rental_id"), rs.getString("member_id"), rs.getInt("fee")))
                .list();
    }

    void markPaid(String rentalId) {
        jdbc.sql("UPDATE late_fee SET state = 'PAID', paid_at = now() WHERE rental_id = :id").param("id", rentalId).update();
    }

    private void insert(LateFee fee, boolean paid) {
        jdbc.sql("""
                        INSERT INTO late_fee (rental_id, member_id, fee, state, paid_at)
                        VALUES (:rentalId, :memberId, :fee,
                                CASE WHEN :paid THEN 'PAID' ELSE 'OUTSTANDING' END, CASE WHEN :paid THEN now() END)""")
                .param("rentalId", fee.rentalId())
                .param("memberId", fee.memberId())
                .param("fee", fee.fee())
                .param("paid", paid)
                .update();
    }
}
