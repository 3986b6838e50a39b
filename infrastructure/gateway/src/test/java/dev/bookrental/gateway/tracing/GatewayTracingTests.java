package dev.bookrental.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.gateway.GatewayTestEnvironment;
import dev.bookrental.gateway.TestBackend;
import dev.bookrental.platform.testsupport.TestTokenIssuer;

/**
 * The gateway's part of one trace: it continues its trace to the service it routes to (W3C
 * {@code traceparent}), names the trace in {@code X-Trace-Id} on every answer, and in
 * {@code traceId} in every problem of its own.
 *
 * <p>Tracing export stays on here, only the Zipkin reporter is off: with export off (as in the
 * gateway's other tests) Spring Boot configures no propagation at all, and no {@code traceparent}
 * would leave the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.location=file:../../config/application.yml,file:../../config/gateway.yml,classpath:gateway-test.yml",
        "management.tracing.export.enabled=true", "management.tracing.export.zipkin.enabled=false"})
class GatewayTracingTests {

    private static final GatewayTestEnvironment around = GatewayTestEnvironment.start();
    private static final TestTokenIssuer issuer = around.issuer();
    private static final TestBackend service = around.service();
    private static final String TRACE_ID = "[0-9a-f]{32}";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        around.register(registry, "service", "Path=/api/**");
    }

    @AfterAll
    static void stop() {
        around.close();
    }

    @Test
    void continuesTheTraceToTheServiceAndNamesItInTheAnswer() throws Exception {
        service.received().clear();

        HttpResponse<String> response = send("/api/books/1", issuer.token("member-1", "MEMBER"));

        assertThat(response.statusCode()).isEqualTo(200);
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches(TRACE_ID);
        assertThat(service.received()).extracting(TestBackend.Received::traceparent).singleElement().asString()
                .startsWith("00-" + traceId + "-");
    }

    @Test
    void everyProblemOfTheGatewayCarriesItsTraceId() throws Exception {
        for (String path : new String[] {"/api/members/me", "/nowhere"}) { // 401 without a token, 404 without a route
            HttpResponse<String> response = send(path, null);

            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("traceId").asString()).as(path).matches(TRACE_ID)
                    .isEqualTo(response.headers().firstValue("X-Trace-Id").orElseThrow());
        }
    }

    /** @param token the bearer token, null for none */
    private HttpResponse<String> send(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
