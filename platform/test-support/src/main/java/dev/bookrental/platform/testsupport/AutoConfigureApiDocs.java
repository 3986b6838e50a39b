package dev.bookrental.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSecurityConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import dev.bookrental.platform.openapi.ServletOpenApiAutoConfiguration;
import dev.bookrental.platform.web.ServletProblemDetailsAutoConfiguration;

/**
 * Serves a service's OpenAPI spec at {@code /v3/api-docs} in a {@code @WebMvcTest} slice, built as
 * the running service builds it: springdoc with its Spring Security support (which keeps
 * {@code @AuthenticationPrincipal} arguments out of the spec), the platform's problem details and
 * its OpenAPI defaults (a web slice leaves all of them out by itself).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class,
        SpringDocSecurityConfiguration.class, ServletProblemDetailsAutoConfiguration.class, ServletOpenApiAutoConfiguration.class})
public @interface AutoConfigureApiDocs {
}
