package dev.bookrental.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Import;

/** Switches RFC 9457 problem details and strict JSON bodies on for every servlet service of the platform. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class})
public class ServletProblemDetailsAutoConfiguration {
}
