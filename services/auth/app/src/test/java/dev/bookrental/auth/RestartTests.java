package dev.bookrental.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.bookrental.auth.OAuthClient.Tokens;

/**
 * What auth issued outlives the process that issued it: a second auth process on the same database
 * (as after a restart, or another instance) verifies the first one's tokens with the same published
 * keys and honours its refresh token, once.
 */
class RestartTests extends AuthServiceTest {

    private static final String BFF_REDIRECT = "http://localhost:8081/bff/web/login/oauth2/code/bookrental";

    @Autowired
    private AuthProperties properties;

    @Test
    void anotherAuthProcessOnTheSameDatabaseHonoursTheTokensOfTheFirst() {
        String bffSecret = properties.client("bff-web").secret();
        Tokens before = new OAuthClient(baseUrl()).signIn("bff-web", bffSecret, BFF_REDIRECT, "librarian", "librarian-local-only");
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", before.refreshToken());

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(AuthApplication.class).run(
                "--server.port=0",
                "--spring.config.location=classpath:/slice-test.yml,file:../../../config/auth.yml",
                "--bookrental.messaging.outbox.enabled=false",
                "--spring.datasource.url=" + TestInfrastructure.postgres().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres")) {
            OAuthClient afterRestart = new OAuthClient(
                    "http://localhost:" + ((WebServerApplicationContext) restarted).getWebServer().getPort());

            assertThat(afterRestart.verify(before.accessToken()).getClaimAsStringList("roles")).containsExactly("LIBRARIAN");
            assertThat(afterRestart.token("bff-web", bffSecret, refresh).statusCode()).isEqualTo(200);
            assertThat(afterRestart.token("bff-web", bffSecret, refresh).statusCode()).as("used twice").isEqualTo(400);
        }
    }
}
