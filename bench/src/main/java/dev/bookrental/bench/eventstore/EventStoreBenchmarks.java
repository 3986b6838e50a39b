package dev.bookrental.bench.eventstore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.bench.BenchPostgres;
import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.RunFacts;
import dev.bookrental.launcher.Jit;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.Topology;
import dev.bookrental.platform.messaging.MessagingAutoConfiguration;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.platform.messaging.TraceContext;
import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;
import dev.bookrental.rental.eventstore.EventStore;

/**
 * The event store benchmark ({@code ./bookrental bench eventstore}, see bench/README.md): starts
 * PostgreSQL with the launcher's code in .run/bench/eventstore (data wiped first, durable commits),
 * migrates it with rental's own scripts, and runs rental's event store, cards and snapshots in
 * this JVM with the service's configuration: append rounds, the replay of a long stream, and the
 * load of short and long cards with snapshots and without. Prints the figures and stops PostgreSQL.
 */
public final class EventStoreBenchmarks {

    /** The port it needs: the running system's PostgreSQL port. */
    public static final Map<Integer, String> PORTS = Map.of(BenchPostgres.PORT, "PostgreSQL");

    private static final String DATABASE = "rental_bench";
    /** Rental's own migrations (Spring Boot's default location, which the service uses) and the outbox's. */
    private static final String[] MIGRATIONS = {"classpath:db/migration", MessagingAutoConfiguration.MIGRATIONS};

    private EventStoreBenchmarks() {
    }

    public static void run(Path home, PrintStream out) throws Exception {
        RentalSettings settings = RentalSettings.read(home.resolve("config"));
        Topology engines = new Topology();
        engines.add(BenchPostgres.durable(DATABASE));
        RunningSystem system = RunningSystem.create(engines, new LaunchContext(home, BenchPostgres.freshRunFolder(home, "eventstore"),
                home.resolve("config"), List.of(), Map.of(), Jit.THROUGHPUT), Map.of(), out);
        try {
            system.startAll();
            try (HikariDataSource dataSource = dataSource(settings.poolSize())) {
                Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
                measure(dataSource, settings, system, out);
            }
        } finally {
            out.println("\nStopping PostgreSQL …");
            system.close();
        }
    }

    private static void measure(HikariDataSource dataSource, RentalSettings settings, RunningSystem system, PrintStream out)
            throws InterruptedException {
        JdbcClient sql = JdbcClient.create(dataSource);
        BenchPostgres.requireDurableCommits(sql);
        JsonMapper json = JsonMapper.builder().build();
        Outbox outbox = new Outbox(sql, json, TraceContext.NONE);
        RentalProperties configured = settings.rental(Map.of());
        if (configured.snapshotEvery() == 0) {
            throw new IllegalStateException(settings.file() + " switches snapshots off (rental.snapshot-every: 0): nothing to compare");
        }
        RentalCards withSnapshots = RentalCards.create(sql, json, outbox, configured);
        RentalCards withoutSnapshots = RentalCards.create(sql, json, outbox, settings.rental(Map.of("rental.snapshot-every", "0")));
        RentCycle cycle = new RentCycle(configured.cardRules(), configured.rentPrice());
        CardAppender appender = new CardAppender(withSnapshots, new TransactionTemplate(new JdbcTransactionManager(dataSource)), cycle);
        CpuMeter cpu = new CpuMeter(system, EventStoreReport.PROCESSES);
        EventStorePlan plan = EventStorePlan.standard();

        Progress progress = new Progress(out);
        List<AppendResult> appends = appendRounds(plan, new Writers(appender, withSnapshots, sql, cpu), progress);

        int every = configured.snapshotEvery();
        progress.step("writing a card of %,d events and one of %,d, one event per transaction", plan.smallCard(), plan.largeCard());
        RentalCard small = written(appender, withSnapshots, sql, cycle, plan.smallCard(), every);
        RentalCard large = written(appender, withSnapshots, sql, cycle, plan.largeCard(), every);
        vacuum(sql);

        Repetitions repetitions = new Repetitions(plan.warmUp(), plan.measureFor(), plan.maxRuns(), cpu);
        List<ReplayResult> replays = replays(repetitions, new EventStore(sql), withSnapshots, large, progress);
        List<LoadResult> loads = new ArrayList<>();
        for (RentalCard card : List.of(small, large)) {
            loads.add(load(repetitions, withSnapshots, card, every, progress));
            loads.add(load(repetitions, withoutSnapshots, card, 0, progress));
        }
        progress.step("appending %d more events to the long card: the longest tail after a snapshot", every - 1);
        RentalCard longestTail = appender.appendNext(large, every - 1);
        check(withSnapshots, sql, cycle, longestTail, every);
        vacuum(sql);
        loads.add(load(repetitions, withSnapshots, longestTail, every, progress));
        loads.sort(Comparator.comparing((LoadResult load) -> !load.path().snapshots()).thenComparingInt(load -> load.path().events()));

        new EventStoreReport(out).print(facts(sql, settings, dataSource, configured, large), plan,
                new EventStoreRun(appends, replays, loads));
    }

    private static List<AppendResult> appendRounds(EventStorePlan plan, Writers writers, Progress progress) throws InterruptedException {
        progress.step("appending: warm-up, %d writers, %d s", plan.mostWriters(), plan.appendWarmUp().toSeconds());
        writers.run(plan.mostWriters(), plan.streamsPerWriter(), plan.appendWarmUp());
        List<AppendResult> results = new ArrayList<>();
        for (int threads : plan.writerThreads()) {
            progress.step("appending: %d writers, %d s", threads, plan.appendRound().toSeconds());
            results.add(writers.run(threads, plan.streamsPerWriter(), plan.appendRound()));
        }
        return results;
    }

    /** A new card of {@code events} events, checked in the store. */
    private static RentalCard written(CardAppender appender, RentalCards cards, JdbcClient sql, RentCycle cycle, int events, int every) {
        RentalCard card = appender.appendNext(RentalCard.open(UUID.randomUUID().toString()), events);
        check(cards, sql, cycle, card, every);
        return card;
    }

    /**
     * Fails unless the card written is the card grown in memory from its events, loaded from its
     * snapshot and tail, and replayed in full, and unless its snapshot is where it must be.
     */
    private static void check(RentalCards cards, JdbcClient sql, RentCycle cycle, RentalCard card, int every) {
        RentalCard grown = cycle.grow(RentalCard.open(card.memberId()), card.version());
        RentalCard loaded = cards.of(card.memberId());
        RentalCard replayed = cards.replayedInFull(card.memberId());
        if (!card.equals(grown) || !loaded.equals(card) || !replayed.equals(card)) {
            throw new IllegalStateException("The card of %,d events is inconsistent: written %s, grown in memory %s, loaded %s, replayed %s"
                    .formatted(card.version(), card, grown, loaded, replayed));
        }
        int expected = new LoadPath(card.version(), every).snapshotVersion();
        int snapshot = sql.sql("SELECT coalesce(max(version), 0) FROM card_snapshot WHERE stream_id = :stream")
                .param("stream", RentalCard.streamOf(card.memberId())).query(Integer.class).single();
        if (snapshot != expected) {
            throw new IllegalStateException("The card of %,d events has its snapshot at %,d, not at %,d"
                    .formatted(card.version(), snapshot, expected));
        }
    }

    /**
     * Vacuums and analyzes the tables just written, as autovacuum would shortly after so many
     * inserts: the reads are timed on a settled database, not while autovacuum happens to run.
     */
    private static void vacuum(JdbcClient sql) {
        sql.sql("VACUUM ANALYZE event, card_snapshot, outbox_message").update();
    }

    private static List<ReplayResult> replays(Repetitions repetitions, EventStore store, RentalCards cards, RentalCard card,
            Progress progress) {
        int events = card.version();
        String stream = RentalCard.streamOf(card.memberId());
        progress.step("replaying the card of %,d events: reading", events);
        Timed read = repetitions.time(() -> store.load(stream, 0), recorded -> {
            if (recorded.size() != events || recorded.getLast().version() != events) {
                throw new IllegalStateException("Read %,d events up to version %,d of a stream of %,d".formatted(recorded.size(),
                        recorded.isEmpty() ? 0 : recorded.getLast().version(), events));
            }
        });
        progress.step("replaying the card of %,d events: reading, decoding, applying", events);
        Timed replay = repetitions.time(() -> cards.replayedInFull(card.memberId()), replayed -> requireEqual(replayed, card));
        return List.of(new ReplayResult("read (EventStore.load)", events, read),
                new ReplayResult("read, decode, apply (RentalCards.replayedInFull)", events, replay));
    }

    private static LoadResult load(Repetitions repetitions, RentalCards cards, RentalCard card, int every, Progress progress) {
        LoadPath path = new LoadPath(card.version(), every);
        progress.step("loading the card of %,d events, snapshots %s", path.events(), path.snapshots() ? "on" : "off");
        return new LoadResult(path, repetitions.time(() -> cards.of(card.memberId()), loaded -> requireEqual(loaded, card)));
    }

    private static void requireEqual(RentalCard loaded, RentalCard written) {
        if (!loaded.equals(written)) {
            throw new IllegalStateException("Loaded " + loaded + ", not the card written: " + written);
        }
    }

    private static HikariDataSource dataSource(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("eventstore-bench");
        config.setJdbcUrl(BenchPostgres.jdbcUrl(DATABASE));
        config.setUsername(DATABASE);
        config.setPassword(DATABASE); // the launcher's local convention: password = login
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }

    private static RunFacts facts(JdbcClient sql, RentalSettings settings, HikariDataSource dataSource, RentalProperties rental,
            RentalCard large) {
        Map<String, Object> sizes = sql.sql("""
                SELECT round(avg(octet_length(payload::text))) AS payload, round(avg(octet_length(metadata::text))) AS metadata
                FROM event
                """).query().singleRow();
        int snapshotBytes = sql.sql("SELECT octet_length(state::text) FROM card_snapshot WHERE stream_id = :stream")
                .param("stream", RentalCard.streamOf(large.memberId())).query(Integer.class).single();
        return RunFacts.now(List.of(
                "%s; HikariCP pool of %d".formatted(BenchPostgres.describe(sql), dataSource.getMaximumPoolSize()),
                "rental's settings from config/%s: a snapshot every %d events, at most %d loans, a loan period of %d days,"
                        .formatted(settings.file().getFileName(), rental.snapshotEvery(), rental.maxLoans(), rental.loanPeriod().toDays())
                        + " a late fee of %d points a day".formatted(rental.lateFeePerDay()),
                ("cards: cycles of RentRequested, BookRented, BookReturned (a day late), LateFeeSettled, decided by RentalCard;"
                        + " an event's JSON %s bytes on average, its metadata %s; the long card's snapshot %d bytes")
                        .formatted(sizes.get("payload"), sizes.get("metadata"), snapshotBytes)));
    }
}
