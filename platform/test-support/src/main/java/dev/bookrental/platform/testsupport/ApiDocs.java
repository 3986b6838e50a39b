package dev.bookrental.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service's OpenAPI spec in a web slice ({@link AutoConfigureApiDocs}) and checks what
 * every service's spec must hold, so each service's spec test states only what is its own.
 */
public final class ApiDocs {

    /** The schema every error response refers to (the platform's RFC 9457 problem). */
    public static final String PROBLEM = "#/components/schemas/Problem";

    private ApiDocs() {
    }

    /** {@code GET /v3/api-docs}, which must answer 200 with JSON. */
    public static MvcTestResult fetch(MockMvcTester mvc) {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return result;
    }

    /** The spec, for JSON-path assertions. */
    public static AbstractJsonContentAssert<?> spec(MockMvcTester mvc) {
        return assertThat(fetch(mvc)).bodyJson();
    }

    /** The spec as a tree, to walk every operation. */
    public static JsonNode tree(MockMvcTester mvc) {
        return JsonMapper.builder().build().readTree(fetch(mvc).getResponse().getContentAsByteArray());
    }

    /**
     * Asserts that every success of every operation is {@code application/json} and every error is
     * {@code application/problem+json} with the {@link #PROBLEM} schema.
     *
     * @return the error statuses, one per error response of an operation, in the spec's order
     */
    public static List<String> errorStatuses(JsonNode spec) {
        List<String> errors = new ArrayList<>();
        spec.get("paths").forEach(path -> path.forEach(operation ->
                operation.get("responses").properties().forEach(response -> {
                    String status = response.getKey();
                    JsonNode content = response.getValue().get("content");
                    assertThat(content).as(status).isNotNull();
                    if (status.startsWith("2")) {
                        assertThat(content.propertyNames()).as(status).containsExactly("application/json");
                    } else {
                        assertThat(content.propertyNames()).as(status).containsExactly("application/problem+json");
                        assertThat(content.at("/application~1problem+json/schema/$ref").asString()).isEqualTo(PROBLEM);
                        errors.add(status);
                    }
                })));
        return errors;
    }
}
