package dev.bookrental.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The access token in the OpenAPI spec of a resource server (a service that depends on
 * {@code platform/security}): the security scheme {@value #SCHEME}, an HTTP bearer JWT of the auth
 * service. An operation that needs a token names it, e.g. on a controller:
 * {@code @SecurityRequirement(name = BearerTokenOpenApi.SCHEME)}; {@link ProblemResponses} then
 * documents its 401 and 403 problems, and the Swagger UI asks for the token ("Authorize").
 */
public class BearerTokenOpenApi implements OpenApiCustomizer {

    public static final String SCHEME = "bearer";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("An access token of the auth service (http://localhost:9000 locally): "
                        + "a JWT signed RS256, audience bookrental-api, roles in its roles claim."));
    }
}
