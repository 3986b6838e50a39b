package dev.bookrental.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.bookrental.launcher.infra.Postgres;

/**
 * The PostgreSQL of a benchmark that starts its own engines: the launcher's {@link Postgres} on
 * the system's port, in a run folder under .run/bench of its own whose data is wiped first (so
 * every run starts alike and a developer's .run/ stays apart), with durable commits as on a
 * production server, which {@link #requireDurableCommits} checks on the running server.
 */
public final class BenchPostgres {

    public static final int PORT = 5432;
    /**
     * A commit is durable when it returns (the launcher's default, set here again because the
     * figures depend on it): the embedded engine's own defaults, fsync and synchronous_commit off,
     * would make every commit, and so every append and outbox row, cheaper than in production.
     */
    private static final Map<String, String> DURABLE_COMMITS = Map.of("fsync", "on", "synchronous_commit", "on");

    private BenchPostgres() {
    }

    /** PostgreSQL with one database and login named {@code database} (password: the same), committing durably. */
    public static Postgres durable(String database) {
        Postgres postgres = new Postgres(PORT).withDatabaseFor(database);
        DURABLE_COMMITS.forEach(postgres::withServerSetting);
        return postgres;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database;
    }

    /** The run folder .run/bench/{@code benchmark}, its data from earlier runs deleted. */
    public static Path freshRunFolder(Path home, String benchmark) throws IOException {
        Path runDir = home.resolve(".run").resolve("bench").resolve(benchmark);
        deleteRecursively(runDir.resolve("data"));
        return runDir;
    }

    /** @throws IllegalStateException unless the server commits durably: the figures would flatter every commit */
    public static void requireDurableCommits(JdbcClient sql) {
        DURABLE_COMMITS.forEach((setting, value) -> {
            String actual = show(sql, setting);
            if (!actual.equals(value)) {
                throw new IllegalStateException("PostgreSQL runs with " + setting + " = " + actual + ", not " + value);
            }
        });
    }

    /** The server's version and commit settings, for the facts of a report. */
    public static String describe(JdbcClient sql) {
        return "PostgreSQL %s, fsync %s, synchronous_commit %s".formatted(show(sql, "server_version"), show(sql, "fsync"),
                show(sql, "synchronous_commit"));
    }

    private static String show(JdbcClient sql, String setting) {
        return sql.sql("SHOW " + setting).query(String.class).single();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
