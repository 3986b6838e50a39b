package dev.bookrental.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds the trace id ({@link TraceIds#PROPERTY}) to every problem a controller or exception handler
 * answers: the platform's {@link ProblemDetailsAdvice}, a service's own handlers and Spring's
 * {@code ErrorResponse} exceptions alike, written once here instead of in each of them.
 */
@RestControllerAdvice
public class ProblemTraceIds implements ResponseBodyAdvice<Object> {

    private final TraceIds traceIds;

    public ProblemTraceIds(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true; // decided on the body: a handler declared as ResponseEntity<Object> may answer a problem
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey(TraceIds.PROPERTY))) {
            String traceId = traceIds.current();
            if (traceId != null) {
                problem.setProperty(TraceIds.PROPERTY, traceId);
            }
        }
        return body;
    }
}
