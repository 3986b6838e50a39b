package dev.bookrental.auth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole auth service on a random port, against a real PostgreSQL migrated by its own Flyway
 * scripts, configured by the config repository's {@code auth.yml} itself (clients, lifetimes, the
 * local librarian). Every test class that extends it shares one application context, so each test
 * works on accounts of its own. The outbox relay is off: no Kafka here, and the messages a test
 * caused stay in the outbox for it to read.
 */
@SpringBootTest(classes = AuthApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Instead of application.yml and its config-server import; auth.yml as config-server would serve it.
        "spring.config.location=classpath:/slice-test.yml,file:../../../config/auth.yml",
        "bookrental.messaging.outbox.enabled=false"})
@AutoConfigureMockMvc
public abstract class AuthServiceTest {

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected JdbcClient jdbc;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** Where the service listens, e.g. {@code http://localhost:34567}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
