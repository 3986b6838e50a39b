package dev.bookrental.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.gateway.problem.GatewayProblemHandler.Problem;
import dev.bookrental.platform.web.ProblemTypes;

class GatewayProblemHandlerTests {

    private static final String PATH = "/api/books/7";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void answersUnknownRouteAsNotFound() {
        Problem problem = GatewayProblemHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND), "/api/nowhere");

        assertThat(problem.status().value()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(problem.detail()).contains("/api/nowhere");
    }

    @Test
    void answersServiceWithoutLiveInstanceAsServiceUnavailable() {
        Problem problem = GatewayProblemHandler.classify(new NotFoundException("Unable to find instance for book"), PATH);

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
    }

    @Test
    void answersRefusedConnectionWrappedInAnotherExceptionAsServiceUnavailable() {
        Throwable error = new IllegalStateException("connection failed",
                new RuntimeException("io", new ConnectException("Connection refused: /127.0.0.1:8101")));

        Problem problem = GatewayProblemHandler.classify(error, PATH);

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
    }

    @Test
    void answersConnectionResetByAnInstanceDyingMidRequestAsServiceUnavailable() {
        Problem problem = GatewayProblemHandler.classify(new java.net.SocketException("Connection reset by peer"), PATH);

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
    }

    @Test
    void answersGatewayTimeoutStatusAsGatewayTimeout() {
        Problem problem = GatewayProblemHandler.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), PATH);

        assertThat(problem.status().value()).isEqualTo(504);
        assertThat(problem.type()).isEqualTo(ProblemTypes.GATEWAY_TIMEOUT);
    }

    @Test
    void answersResponseTimeoutOfTheConnectionAsGatewayTimeout() {
        Problem problem = GatewayProblemHandler.classify(ReadTimeoutException.INSTANCE, PATH);

        assertThat(problem.status().value()).isEqualTo(504);
        assertThat(problem.type()).isEqualTo(ProblemTypes.GATEWAY_TIMEOUT);
    }

    @Test
    void answersTimeoutExceptionAsGatewayTimeout() {
        Problem problem = GatewayProblemHandler.classify(new TimeoutException("Did not observe any item within 5000ms"), PATH);

        assertThat(problem.status().value()).isEqualTo(504);
        assertThat(problem.type()).isEqualTo(ProblemTypes.GATEWAY_TIMEOUT);
    }

    @Test
    void answersUnexpectedErrorAsInternalErrorWithoutInternals() {
        Problem problem = GatewayProblemHandler.classify(new IllegalStateException("secret internal state"), PATH);

        assertThat(problem.status().value()).isEqualTo(500);
        assertThat(problem.type()).isEqualTo(ProblemTypes.INTERNAL_ERROR);
        assertThat(problem.detail()).doesNotContain("secret internal state");
    }

    @Test
    void writesServiceUnavailableAsProblemJsonWithRetryAfter() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(PATH));

        new GatewayProblemHandler(new ProblemWriter(json))
                .handle(exchange, new NotFoundException("Unable to find instance for book"))
                .block(Duration.ofSeconds(5));

        MockServerHttpResponse response = exchange.getResponse();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        Map<String, Object> body = json.readValue(response.getBodyAsString().block(Duration.ofSeconds(5)),
                new TypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("type", "urn:bookrental:problem:service-unavailable")
                .containsEntry("title", "Service unavailable")
                .containsEntry("status", 503)
                .containsEntry("instance", PATH)
                .containsKey("detail");
    }

    @Test
    void writesNotFoundWithoutRetryAfter() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/nowhere"));

        new GatewayProblemHandler(new ProblemWriter(json))
                .handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND))
                .block(Duration.ofSeconds(5));

        MockServerHttpResponse response = exchange.getResponse();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().containsHeader("Retry-After")).isFalse();
        Map<String, Object> body = json.readValue(response.getBodyAsString().block(Duration.ofSeconds(5)),
                new TypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("type", "urn:bookrental:problem:not-found")
                .containsEntry("status", 404)
                .containsEntry("instance", "/api/nowhere");
    }
}
