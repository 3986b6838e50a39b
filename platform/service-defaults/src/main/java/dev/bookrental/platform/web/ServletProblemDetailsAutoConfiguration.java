package dev.bookrental.platform.web;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Switches RFC 9457 problem details and strict JSON bodies on for every servlet service of the
 * platform, each problem with the trace id of its request; Spring Boot's own error answer too.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, ProblemTraceIds.class})
public class ServletProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceIds traceIds(ObjectProvider<Tracer> tracer) {
        return new TraceIds(tracer);
    }

    @Bean
    @ConditionalOnMissingBean(ErrorAttributes.class)
    TraceIdErrorAttributes traceIdErrorAttributes(TraceIds traceIds) {
        return new TraceIdErrorAttributes(traceIds);
    }
}
