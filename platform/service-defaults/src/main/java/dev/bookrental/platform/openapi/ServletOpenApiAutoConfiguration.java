package dev.bookrental.platform.openapi;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/**
 * OpenAPI defaults of every servlet service that adds springdoc ({@code springdoc-openapi-starter-webmvc-api}):
 * its spec at {@code /v3/api-docs} documents the RFC 9457 problems it answers and the access token it
 * takes, and, read through the gateway, names the gateway as its server. springdoc stays a service's
 * own dependency, because the reactive gateway and config-server depend on this module too and must
 * not serve a servlet spec.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OperationCustomizer.class)
public class ServletOpenApiAutoConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    ForwardedServerUrl forwardedServerUrl() {
        return new ForwardedServerUrl();
    }

    /** Only a resource server (Spring Security's resource-server support on its class path) takes tokens. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
    BearerTokenOpenApi bearerTokenOpenApi() {
        return new BearerTokenOpenApi();
    }
}
