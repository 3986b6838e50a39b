package dev.bookrental.platform.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's own error answer ({@code /error}: an error no handler of the application saw, e.g.
 * one thrown by a servlet filter) with the trace id too, as every problem of the platform has it.
 */
public class TraceIdErrorAttributes extends DefaultErrorAttributes {

    private final TraceIds traceIds;

    public TraceIdErrorAttributes(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        String traceId = traceIds.current();
        if (traceId != null) {
            attributes.put(TraceIds.PROPERTY, traceId);
        }
        return attributes;
    }
}
