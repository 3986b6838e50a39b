package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * API documentation through the gateway: each service's OpenAPI spec at
 * {@code /v3/api-docs/<service>} is valid OpenAPI 3, lists that service's paths and names the
 * gateway as its server, so "Try it out" goes through the gateway; one Swagger UI at the gateway
 * lists every spec, with its assets served by the gateway itself.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class ApiDocumentationTest {

    @Test
    void bookSpecIsValidAndListsTheCatalogWithTheGatewayAsServer() {
        JsonNode spec = validSpec("book");

        assertThat(spec.get("paths").propertyNames())
                .containsExactlyInAnyOrder("/api/books", "/api/books/{id}", "/api/books/{bookId}/copies");
        assertThat(spec.at("/paths/~1api~1books~1{id}/get/responses/404/content").propertyNames())
                .containsExactly("application/problem+json");
    }

    @Test
    void rentalSpecIsValidAndListsTheRentalsAndRentalCardApiWithTheGatewayAsServer() {
        JsonNode spec = validSpec("rental");

        assertThat(spec.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/rental-card", "/api/rental-card/eligibility",
                "/api/rentals", "/api/rentals/{rentalId}", "/api/rentals/{rentalId}/return");
        assertThat(spec.get("servers").get(0).get("url").asString()).isEqualTo(Http.GATEWAY);
    }

    @Test
    void memberSpecIsValidAndListsTheMemberApiWithTheGatewayAsServer() {
        JsonNode spec = validSpec("member");

        assertThat(spec.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/members/me", "/api/members/me/points");
    }

    @Test
    void rentalQuerySpecIsValidAndListsTheReadSideWithTheGatewayAsServer() {
        JsonNode spec = validSpec("rental-query");

        assertThat(spec.get("paths").propertyNames()).containsExactlyInAnyOrder("/api/best-books", "/api/best-books/{bookId}", "/api/members/me/dashboard");
        assertThat(spec.get("servers").get(0).get("url").asString()).isEqualTo(Http.GATEWAY);
    }

    @Test
    void theServerASpecNamesAnswersItsOperations() {
        String server = validSpec("book").get("servers").get(0).get("url").asString();

        Http.Response book = Http.get(server + "/api/books/1");

        assertThat(book.status()).isEqualTo(200);
        assertThat(book.json().get("id").asLong()).isEqualTo(1);
    }

    @Test
    void swaggerUiAtTheGatewayListsEveryServiceSpec() {
        Http.Response config = Http.get(Http.GATEWAY + "/v3/api-docs/swagger-config");

        assertThat(config.status()).isEqualTo(200);
        JsonNode urls = config.json().get("urls");
        assertThat(urls.findValuesAsString("name")).containsExactlyInAnyOrder("book", "member", "rental", "rental-query");
        assertThat(urls.findValuesAsString("url")).containsExactlyInAnyOrder("/v3/api-docs/book", "/v3/api-docs/member",
                "/v3/api-docs/rental", "/v3/api-docs/rental-query");
        for (String url : urls.findValuesAsString("url")) {
            assertThat(Http.get(Http.GATEWAY + url).status()).as(url).isEqualTo(200);
        }
    }

    @Test
    void swaggerUiPageAndItsAssetsComeFromTheGateway() {
        URI welcome = URI.create(Http.GATEWAY + "/swagger-ui.html");
        Http.Response redirect = Http.page(welcome.toString());
        assertThat(redirect.status()).isBetween(301, 308);
        URI index = welcome.resolve(redirect.header("Location"));
        assertThat(index.getPath()).endsWith("/swagger-ui/index.html");

        Http.Response page = Http.page(index.toString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        // Relative links only: every script and style sheet comes from the gateway, none from a CDN.
        assertThat(page.raw().body()).contains("swagger-ui-bundle.js").doesNotContain("://");

        Http.Response initializer = Http.page(index.resolve("swagger-initializer.js").toString());
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.raw().body()).contains("/v3/api-docs/swagger-config");
        Http.Response bundle = Http.page(index.resolve("swagger-ui-bundle.js").toString());
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).contains("javascript");
    }

    @Test
    void specOfAnUnknownServiceIsTheGatewaysNotFoundProblem() {
        ApiErrorsTest.assertProblem(Http.get(Http.GATEWAY + "/v3/api-docs/no-such-service"), 404,
                "urn:bookrental:problem:not-found");
    }

    /** The spec of a service as the gateway serves it, checked by an OpenAPI parser and validator. */
    private static JsonNode validSpec(String service) {
        Http.Response response = Http.get(Http.GATEWAY + "/v3/api-docs/" + service);
        assertThat(response.status()).as(service + " spec").isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.raw().body(), null, options);
        assertThat(parsed.getMessages()).as(service + " spec validation").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");

        JsonNode spec = response.json();
        assertThat(spec.at("/info/title").asString()).isEqualTo(service);
        assertThat(spec.get("servers").findValuesAsString("url")).containsExactly(Http.GATEWAY);
        return spec;
    }
}
