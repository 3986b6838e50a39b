package dev.bookrental.launcher.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.bookrental.launcher.Infrastructure;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.Running;

/**
 * PostgreSQL 17, a real server (binaries from Maven Central), data under .run/data/postgres so
 * a restart keeps it. Database per service: each service gets its own database and login, and no
 * other login may connect to it.
 *
 * <p>Commits are durable, as on a production server: the embedded engine's defaults (fsync and
 * synchronous_commit off) let a killed PostgreSQL forget transactions it had reported committed —
 * an outbox row, a processed-message id, a points movement — which the system's guarantees
 * ("a crash loses nothing, applies nothing twice") cannot allow.
 */
public final class Postgres extends Infrastructure {

    private final List<String> databases = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>(Map.of(
            "fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));

    public Postgres(int port) {
        super("postgres", port);
    }

    /** One database and one login named after the service; the local password is the name too. */
    public Postgres withDatabaseFor(String service) {
        databases.add(service);
        return this;
    }

    /**
     * A server setting ({@code postgres -c name=value}) over the defaults, e.g.
     * {@code log_min_duration_statement=100}.
     */
    public Postgres withServerSetting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    @Override
    public Running start(LaunchContext context) throws Exception {
        Path dataDir = context.data().resolve("postgres");
        Files.createDirectories(dataDir);
        stopOrphan(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder
                .setPort(port())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the launcher stops it, after the services
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(context.logs().resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(context.logs().resolve("postgres.log").toFile()))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            for (String name : databases) {
                createDatabase(sql, name);
            }
            requirePasswords(dataDir, sql);
        }
        return new Running() {
            @Override
            public long pid() {
                return postmasterPid(dataDir).orElse(-1L);
            }

            @Override
            public void stop() {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
                }
            }

            @Override
            public boolean isAlive() {
                return postmasterPid(dataDir).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
            }
        };
    }

    private static void createDatabase(Statement sql, String name) throws SQLException {
        if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
            sql.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + name + "'");
        }
        if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            sql.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
            sql.execute("REVOKE ALL ON DATABASE \"" + name + "\" FROM PUBLIC");
        }
    }

    /**
     * initdb trusts every local connection; from here on a service's login must give its password
     * (SCRAM), so one service cannot simply connect as another. Only the superuser, which the
     * launcher uses to create databases, stays trusted on loopback: a local-only convenience.
     */
    private static void requirePasswords(Path dataDir, Statement sql) throws IOException, SQLException {
        Files.writeString(dataDir.resolve("pg_hba.conf"), """
                # Written by the Bookrental launcher.
                # TYPE  DATABASE  USER      ADDRESS        METHOD
                local   all       postgres                 trust
                host    all       postgres  127.0.0.1/32   trust
                host    all       all       127.0.0.1/32   scram-sha-256
                """);
        sql.execute("SELECT pg_reload_conf()");
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next();
        }
    }

    /** A server left running by a launcher that was killed holds the port: stop it first. */
    private static void stopOrphan(Path dataDir) {
        postmasterPid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
            orphan.destroy();
            orphan.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/{" + String.join(",", databases) + "}";
    }
}
