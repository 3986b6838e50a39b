package dev.bookrental.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import brave.Tracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.web.TraceIds;

/** The 401 and 403 problems of the resource server name the trace of their request, like every problem. */
class SecurityProblemsTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Tracing tracing = Tracing.newBuilder().build();
    private final Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
            new BraveBaggageManager());
    private final SecurityProblems problems = new SecurityProblems(json,
            new TraceIds(new StaticListableBeanFactory(Map.of("tracer", tracer)).getBeanProvider(Tracer.class)));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void unauthenticatedAndForbiddenProblemsCarryTheTraceId() throws Exception {
        MockHttpServletResponse unauthenticated = new MockHttpServletResponse();
        MockHttpServletResponse forbidden = new MockHttpServletResponse();
        Span request = tracer.nextSpan().start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            problems.commence(new MockHttpServletRequest("GET", "/api/things/mine"), unauthenticated,
                    new InsufficientAuthenticationException("no token"));
            problems.handle(new MockHttpServletRequest("GET", "/api/things/mine"), forbidden, new AccessDeniedException("no role"));
        } finally {
            request.end();
        }

        for (MockHttpServletResponse response : new MockHttpServletResponse[] {unauthenticated, forbidden}) {
            JsonNode problem = json.readTree(response.getContentAsString());
            assertThat(problem.get("traceId").asString()).isEqualTo(request.context().traceId());
        }
        assertThat(unauthenticated.getStatus()).isEqualTo(401);
        assertThat(forbidden.getStatus()).isEqualTo(403);
    }
}
