package dev.bookrental.platform.openapi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.ProblemTypes;

/**
 * RFC 9457 problems in the OpenAPI spec of every servlet service, the spec-side twin of
 * {@link ProblemDetailsAdvice}: every 4xx and 5xx response an operation declares is
 * {@code application/problem+json} of one shared {@code Problem} schema, and every operation that
 * reads path or query parameters or a body documents the 400 the advice answers for bad input. An
 * operation that names a security requirement (an access token) documents the 401 and 403 the
 * resource server answers.
 * So a controller declares only the errors of its own domain, in one line each, e.g.
 * {@code @ApiResponse(responseCode = "404", description = "No book has this id: book-not-found")}.
 */
public class ProblemResponses implements OperationCustomizer, OpenApiCustomizer {

    private static final String SCHEMA = "Problem";
    private static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String BAD_REQUEST = "400";
    private static final String UNAUTHORIZED = "401";
    private static final String FORBIDDEN = "403";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        badInput(operation).ifPresent(description ->
                operation.getResponses().computeIfAbsent(BAD_REQUEST, status -> new ApiResponse().description(description)));
        if (needsAToken(operation)) {
            operation.getResponses().computeIfAbsent(UNAUTHORIZED, status -> new ApiResponse().description(
                    "No access token, or one that is expired, not issued for this API or badly signed: "
                            + slug(ProblemTypes.UNAUTHENTICATED) + "; WWW-Authenticate says why"));
            operation.getResponses().computeIfAbsent(FORBIDDEN, status -> new ApiResponse().description(
                    "The access token lacks the role this operation needs: " + slug(ProblemTypes.FORBIDDEN)));
        }
        operation.getResponses().forEach((status, response) -> {
            if (isError(status)) {
                // Also replaces the return type springdoc puts into an @ApiResponse without content.
                response.setContent(new Content().addMediaType(MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            }
        });
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
    }

    /** The 400 that bad input gets, if the operation takes any input that can be malformed. */
    private static Optional<String> badInput(Operation operation) {
        boolean parameters = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "path".equals(parameter.getIn()) || "query".equals(parameter.getIn()));
        boolean body = operation.getRequestBody() != null;
        String errors = "; `errors` names each one.";
        if (parameters && body) {
            return Optional.of("A parameter or the body is malformed or out of range: "
                    + slug(ProblemTypes.INVALID_PARAMETER) + " or " + slug(ProblemTypes.INVALID_BODY) + errors);
        }
        if (parameters) {
            return Optional.of("A parameter is malformed or out of range: " + slug(ProblemTypes.INVALID_PARAMETER) + errors);
        }
        if (body) {
            return Optional.of("The body is not JSON of this shape, has unknown fields or fails validation: "
                    + slug(ProblemTypes.INVALID_BODY) + errors);
        }
        return Optional.empty();
    }

    /** The operation names a security requirement ({@link BearerTokenOpenApi}): the resource server checks its token. */
    private static boolean needsAToken(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    /** The last part of a problem type, e.g. {@code invalid-body}, as the responses' descriptions name types. */
    private static String slug(URI type) {
        String urn = type.toString();
        return urn.substring(urn.lastIndexOf(':') + 1);
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Schema<?> problemSchema() {
        Schema<?> invalidInput = new ObjectSchema()
                .addProperty("name", new StringSchema().description("The parameter or field, e.g. size or authors[0]"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. Some types add members of their own, e.g. bookId.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("Stable type, urn:bookrental:problem:<name> with the name each response gives; clients may switch on it")
                        .example(ProblemTypes.of("book-not-found").toString()))
                .addProperty("title", new StringSchema().description("Short summary of the type"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, for people"))
                .addProperty("instance", new StringSchema().format("uri").description("The path of the request"))
                .addProperty("errors", new ArraySchema().items(invalidInput)
                        .description("Only on 400: every offending parameter or field"))
                .required(List.of("type", "title", "status"));
    }
}
