package dev.bookrental.query.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generations of the projections ({@code projection_generation}): the ACTIVE one answers
 * queries, a BUILDING one is being replayed from the beginning of the topics, RETIRED ones are
 * gone. Promoting a built generation is one transaction, so a query sees either the old views or
 * the new ones, never a mix.
 */
@Repository
public class ProjectionGenerations {

    /** The tables whose rows belong to a generation. */
    private static final List<String> VIEWS = List.of("book_view", "member_view", "loan_view", "fee_view");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ProjectionGenerations(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    public enum State { BUILDING, ACTIVE, RETIRED }

    /** One generation; {@code activatedAt} is null until it answers queries. */
    public record Generation(int number, State state, Instant startedAt, Instant activatedAt) {
    }

    /** The generations that have views: the ACTIVE one, and the BUILDING one if a rebuild runs. */
    public List<Generation> live() {
        return jdbc.sql("""
                        SELECT generation, state, started_at, activated_at FROM projection_generation
                        WHERE state <> 'RETIRED' ORDER BY generation""")
                .query((rs, row) -> new Generation(rs.getInt("generation"), State.valueOf(rs.getString("state")),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("activated_at") == null ? null : rs.getTimestamp("activated_at").toInstant()))
                .list();
    }

    public int active() {
        return jdbc.sql("SELECT generation FROM projection_generation WHERE state = 'ACTIVE'").query(Integer.class).single();
    }

    public Optional<Integer> building() {
        return jdbc.sql("SELECT generation FROM projection_generation WHERE state = 'BUILDING'").query(Integer.class).optional();
    }

    /**
     * Starts a rebuild: a new, empty BUILDING generation, or the one already being built (asking
     * twice starts one rebuild).
     */
    public int startBuilding() {
        return transactions.execute(status -> {
            lock();
            return building().orElseGet(() -> {
                int next = jdbc.sql("SELECT max(generation) + 1 FROM projection_generation").query(Integer.class).single();
                jdbc.sql("INSERT INTO projection_generation (generation, state) VALUES (:generation, 'BUILDING')")
                        .param("generation", next).update();
                return next;
            });
        });
    }

    /**
     * The swap: {@code generation}, if it is still the one being built, becomes ACTIVE and the
     * active one RETIRED, in one transaction.
     *
     * @return false when {@code generation} was not BUILDING (another instance promoted it first)
     */
    public boolean promote(int generation) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            lock();
            if (building().filter(number -> number == generation).isEmpty()) {
                return false;
            }
            jdbc.sql("UPDATE projection_generation SET state = 'RETIRED' WHERE state = 'ACTIVE'").update();
            jdbc.sql("UPDATE projection_generation SET state = 'ACTIVE', activated_at = now() WHERE generation = :generation")
                    .param("generation", generation).update();
            return true;
        }));
    }

    /** Deletes the views and the processed-message ids of a retired generation (nothing for a live one). */
    public void dropViews(int generation, String consumerName) {
        transactions.executeWithoutResult(status -> {
            boolean retired = jdbc.sql("SELECT count(*) FROM projection_generation WHERE generation = :generation AND state = 'RETIRED'")
                    .param("generation", generation).query(Integer.class).single() > 0;
            if (!retired) {
                return;
            }
            for (String view : VIEWS) {
                jdbc.sql("DELETE FROM " + view + " WHERE generation = :generation").param("generation", generation).update();
            }
            jdbc.sql("DELETE FROM processed_message WHERE consumer_name = :consumer").param("consumer", consumerName).update();
        });
    }

    /** Starting and promoting a generation, one instance at a time (queries are not blocked). */
    private void lock() {
        jdbc.sql("LOCK TABLE projection_generation IN EXCLUSIVE MODE").update();
    }
}
