package dev.bookrental.platform.web;

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
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** Every problem a servlet service answers names the trace of its request, Spring Boot's /error answer too. */
class ProblemTraceIdsTests {

    private final Tracing tracing = Tracing.newBuilder().build();
    private final Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
            new BraveBaggageManager());
    private final TraceIds traceIds = new TraceIds(new StaticListableBeanFactory(Map.of("tracer", tracer)).getBeanProvider(Tracer.class));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void addsTheTraceIdOfTheRequestToAProblem() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        Span request = tracer.nextSpan().start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            new ProblemTraceIds(traceIds).beforeBodyWrite(problem, null, null, null, null, null);
        } finally {
            request.end();
        }

        assertThat(problem.getProperties()).containsEntry(TraceIds.PROPERTY, request.context().traceId());
    }

    @Test
    void leavesOtherBodiesAndProblemsOutsideATraceAlone() {
        ProblemDetail outside = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        new ProblemTraceIds(traceIds).beforeBodyWrite(outside, null, null, null, null, null);

        assertThat(outside.getProperties()).isNull();
        assertThat(new ProblemTraceIds(traceIds).beforeBodyWrite("text", null, null, null, null, null)).isEqualTo("text");
    }

    @Test
    void addsTheTraceIdToSpringBootsOwnErrorAnswer() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/somewhere");
        request.setAttribute("jakarta.servlet.error.status_code", 500);
        Span span = tracer.nextSpan().start();
        Map<String, Object> attributes;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            attributes = new TraceIdErrorAttributes(traceIds).getErrorAttributes(new ServletWebRequest(request),
                    ErrorAttributeOptions.defaults());
        } finally {
            span.end();
        }

        assertThat(attributes).containsEntry(TraceIds.PROPERTY, span.context().traceId()).containsEntry("status", 500);
    }
}
