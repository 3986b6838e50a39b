package dev.bookrental.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.gateway.tracing.TraceIds;

/**
 * Writes an answer of the gateway's own as an RFC 9457 problem ({@code application/problem+json}):
 * its errors ({@link GatewayProblemHandler}), the requests its security turns away and the ones its
 * rate limits stop, each with the trace id of its request ({@code traceId}). Headers a caller set
 * before (e.g. {@code Retry-After}, {@code WWW-Authenticate}) stay.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String title, String detail) {
        return write(exchange, status, type, title, detail, Map.of());
    }

    /**
     * A problem with extension members (RFC 9457 section 3.2), e.g. the service a 503 is about. An
     * entry named like a standard member replaces it, e.g. the {@code instance} of a forwarded request.
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String title, String detail,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(extensions);
        TraceIds.of(exchange).ifPresent(traceId -> body.put("traceId", traceId));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }
}
