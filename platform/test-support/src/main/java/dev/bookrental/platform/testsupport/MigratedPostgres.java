package dev.bookrental.platform.testsupport;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL server for one test class, migrated by the service's own Flyway scripts:
 * <pre>{@code
 * @RegisterExtension
 * static final MigratedPostgres database = new MigratedPostgres("classpath:db/migration");
 * }</pre>
 * It starts before the class's {@code @BeforeAll} methods and stops after the class.
 */
public final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

    private final String[] locations;
    private EmbeddedPostgres postgres;
    private JdbcClient jdbc;

    public MigratedPostgres(String... locations) {
        this.locations = locations;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(dataSource()).locations(locations).load().migrate();
        jdbc = JdbcClient.create(dataSource());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
