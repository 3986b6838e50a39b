package dev.bookrental.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Import;

/** Switches RFC 9457 problem details on for every servlet service that depends on the platform. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class ServletProblemDetailsAutoConfiguration {
}
