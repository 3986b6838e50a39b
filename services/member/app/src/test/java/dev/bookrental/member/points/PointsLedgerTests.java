package dev.bookrental.member.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.platform.testsupport.MigratedPostgres;

/** The points ledger against a real PostgreSQL migrated by the member service's own Flyway scripts. */
class PointsLedgerTests {

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration");

    private static JdbcClient jdbc;
    private static PointsLedger ledger;
    /** Transactions on the connections of {@link #ledger}: one data source for both. */
    private static TransactionTemplate transaction;

    /** One row of point_movement. */
    private record Movement(int amount, String reason, int balanceAfter) {
    }

    @BeforeAll
    static void useDatabase() {
        DataSource dataSource = database.dataSource();
        jdbc = JdbcClient.create(dataSource);
        ledger = new PointsLedger(jdbc);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void welcomeBonusAddsToTheBalanceAndAppendsAMovementWithTheBalanceAfter() {
        String member = newMember(0);

        assertThat(ledger.move(member, 100, "WELCOME_BONUS")).contains(new Balance(member, 100));

        assertThat(points(member)).isEqualTo(100);
        assertThat(movements(member)).containsExactly(new Movement(100, "WELCOME_BONUS", 100));
    }

    @Test
    void chargeThatWouldMakeTheBalanceNegativeReturnsEmptyAndChangesNothing() {
        String member = newMember(0);
        ledger.move(member, 30, "TOP_UP");

        assertThat(ledger.move(member, -31, "RENT")).isEmpty();

        assertThat(points(member)).isEqualTo(30);
        assertThat(movements(member)).containsExactly(new Movement(30, "TOP_UP", 30));
    }

    @Test
    void chargeOfTheWholeBalanceLeavesZero() {
        String member = newMember(0);
        ledger.move(member, 30, "TOP_UP");

        assertThat(ledger.move(member, -30, "RENT")).contains(new Balance(member, 0));

        assertThat(points(member)).isZero();
        assertThat(movements(member)).containsExactly(new Movement(30, "TOP_UP", 30), new Movement(-30, "RENT", 0));
    }

    @Test
    void moveAboveTheMaximumBalanceReturnsEmptyAndChangesNothing() {
        String member = newMember(PointsLedger.MAX_BALANCE - 10);

        assertThat(ledger.move(member, 11, "TOP_UP")).isEmpty();

        assertThat(points(member)).isEqualTo(PointsLedger.MAX_BALANCE - 10);
        assertThat(movements(member)).isEmpty();
    }

    @Test
    void moveUpToExactlyTheMaximumBalanceIsAccepted() {
        String member = newMember(PointsLedger.MAX_BALANCE - 10);

        assertThat(ledger.move(member, 10, "TOP_UP")).contains(new Balance(member, PointsLedger.MAX_BALANCE));
    }

    @Test
    void sumOfMovementsEqualsTheBalanceAfterASequenceOfMoves() {
        String member = newMember(0);
        int[] amounts = {100, -40, 2_500, -2_561, 7, -1, 10_000, -12_566, -1, 5};
        for (int amount : amounts) {
            ledger.move(member, amount, amount > 0 ? "TOP_UP" : "RENT");
        }

        List<Movement> movements = movements(member);
        int sum = movements.stream().mapToInt(Movement::amount).sum();
        assertThat(sum).isEqualTo(points(member));
        // -2_561 (balance 2_560) and the second -1 (balance 0) were refused; everything else was applied
        assertThat(movements).extracting(Movement::amount).containsExactly(100, -40, 2_500, 7, -1, 10_000, -12_566, 5);
        assertThat(movements).extracting(Movement::balanceAfter).containsExactly(100, 60, 2_560, 2_567, 2_566, 12_566, 0, 5);
        assertThat(points(member)).isEqualTo(5);
    }

    @Test
    void unknownMemberReturnsEmptyAndStoresNoMovement() {
        String unknown = "no-such-" + UUID.randomUUID();

        assertThat(ledger.move(unknown, 100, "WELCOME_BONUS")).isEmpty();

        assertThat(movements(unknown)).isEmpty();
    }

    @Test
    void movesOnlyTheBalanceOfTheGivenMember() {
        String member = newMember(0);
        String other = newMember(50);

        ledger.move(member, 20, "TOP_UP");

        assertThat(points(other)).isEqualTo(50);
        assertThat(movements(other)).isEmpty();
    }

    @Test
    void giveBackGoesAboveTheMaximumBalanceBecauseACompensationIsNeverRefused() {
        String member = newMember(PointsLedger.MAX_BALANCE);

        assertThat(ledger.giveBack(member, 10, "RENT_REFUND r-1")).contains(new Balance(member, PointsLedger.MAX_BALANCE + 10));

        assertThat(movements(member)).containsExactly(new Movement(10, "RENT_REFUND r-1", PointsLedger.MAX_BALANCE + 10));
    }

    @Test
    void giveBackOfAnUnknownMemberReturnsEmpty() {
        assertThat(ledger.giveBack("no-such-" + UUID.randomUUID(), 10, "RENT_REFUND r-2")).isEmpty();
    }

    @Test
    void giveBackTakesOnlyAPositiveAmount() {
        String member = newMember(50);

        assertThatIllegalArgumentException().isThrownBy(() -> ledger.giveBack(member, -10, "RENT_REFUND r-3"));
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.giveBack(member, 0, "RENT_REFUND r-3"));
        assertThat(points(member)).isEqualTo(50);
    }

    @Test
    void reasonNamesARentalByItsId() {
        String member = newMember(50);
        String reason = "RENT_REFUND " + "r".repeat(64);

        ledger.move(member, 10, reason);

        assertThat(movements(member)).extracting(Movement::reason).containsExactly(reason);
    }

    @Test
    void lockReadsTheBalanceAndHoldsTheMembersRowUntilTheTransactionEnds() throws SQLException {
        String member = newMember(70);

        transaction.executeWithoutResult(status -> {
            assertThat(ledger.lock(member)).contains(new Balance(member, 70));

            assertThatExceptionOfType(SQLException.class).isThrownBy(() -> lockFromAnotherConnection(member))
                    .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("55P03")); // lock_not_available
        });
        assertThat(lockFromAnotherConnection(member)).isEqualTo(70);
    }

    @Test
    void lockOfAnUnknownMemberIsEmpty() {

        transaction.executeWithoutResult(status -> assertThat(ledger.lock("no-such-" + UUID.randomUUID())).isEmpty());
    }

    /** A member with the given balance (and, like a migrated balance, no movements). */
    private static String newMember(int points) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO member (id, username, display_name, points) VALUES (:id, :username, 'Test Member', :points)")
                .param("id", id)
                .param("username", "user-" + id)
                .param("points", points)
                .update();
        return id;
    }

    /** Takes the member's row on a connection of its own, outside any transaction of the test, without waiting. */
    private static int lockFromAnotherConnection(String member) throws SQLException {
        try (Connection other = database.dataSource().getConnection();
             PreparedStatement select = other.prepareStatement("SELECT points FROM member WHERE id = ? FOR UPDATE NOWAIT")) {
            select.setString(1, member);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static int points(String member) {
        return jdbc.sql("SELECT points FROM member WHERE id = :id").param("id", member).query(Integer.class).single();
    }

    private static List<Movement> movements(String member) {
        return jdbc.sql("SELECT amount, reason, balance_after FROM point_movement WHERE member_id = :id ORDER BY id")
                .param("id", member)
                .query((rs, row) -> new Movement(rs.getInt("amount"), rs.getString("reason"), rs.getInt("balance_after")))
                .list();
    }
}
