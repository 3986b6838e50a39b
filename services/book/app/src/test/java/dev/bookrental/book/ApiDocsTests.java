package dev.bookrental.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.book.catalog.CatalogProperties;
import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.platform.testsupport.ApiDocs;
import dev.bookrental.platform.testsupport.AutoConfigureApiDocs;

/**
 * The book service's OpenAPI spec describes what its controllers really do: every operation, the
 * constraints of its parameters and bodies, and each error as an RFC 9457 problem. The controllers
 * are the real ones; the database behind them is never reached while a spec is built.
 */
@WebMvcTest(properties = "spring.config.location=classpath:/slice-test.yml", // instead of application.yml and its config-server import
        includeFilters = @Filter(type = FilterType.ANNOTATION, classes = {Service.class, Repository.class}))
@AutoConfigureApiDocs
@EnableConfigurationProperties(CatalogProperties.class)
@MockitoBean(types = {JdbcClient.class, Outbox.class})
class ApiDocsTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void listsEveryOperationOfTheCatalog() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.openapi").asString().startsWith("3.");
        spec.extractingPath("$.info.title").isEqualTo("book");
        spec.extractingPath("$.paths").asMap()
                .containsOnlyKeys("/api/books", "/api/books/{id}", "/api/books/{bookId}/copies");
        spec.extractingPath("$.paths['/api/books']").asMap().containsOnlyKeys("get", "post");
        spec.extractingPath("$.paths['/api/books/{id}']").asMap().containsOnlyKeys("get");
        spec.extractingPath("$.paths['/api/books/{bookId}/copies']").asMap().containsOnlyKeys("get", "post");
        spec.extractingPath("$.paths['/api/books/{id}'].get.summary").isEqualTo("One book by id");
    }

    @Test
    void answersEachOperationWithTheStatusesItReallyHas() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.paths['/api/books'].get.responses").asMap().containsOnlyKeys("200", "400");
        spec.extractingPath("$.paths['/api/books/{id}'].get.responses").asMap().containsOnlyKeys("200", "400", "404");
        spec.extractingPath("$.paths['/api/books'].post.responses").asMap().containsOnlyKeys("201", "400", "401", "403", "409");
        spec.extractingPath("$.paths['/api/books/{bookId}/copies'].get.responses").asMap().containsOnlyKeys("200", "400", "404");
        spec.extractingPath("$.paths['/api/books/{bookId}/copies'].post.responses").asMap()
                .containsOnlyKeys("201", "400", "401", "403", "404");
    }

    @Test
    void asksForAnAccessTokenOnlyWhereTheCatalogIsChanged() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.components.securitySchemes.bearer.type").isEqualTo("http");
        spec.extractingPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        spec.extractingPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT");
        spec.extractingPath("$.paths['/api/books'].post.security[0]").asMap().containsOnlyKeys("bearer");
        spec.extractingPath("$.paths['/api/books/{bookId}/copies'].post.security[0]").asMap().containsOnlyKeys("bearer");
        spec.doesNotHavePath("$.paths['/api/books'].get.security");
        spec.doesNotHavePath("$.paths['/api/books/{id}'].get.security");
        spec.doesNotHavePath("$.paths['/api/books/{bookId}/copies'].get.security");
        spec.extractingPath("$.paths['/api/books'].post.responses['401'].description").asString().contains("unauthenticated");
        spec.extractingPath("$..parameters[?(@.in == 'header')]").asArray().isEmpty();
    }

    @Test
    void documentsEveryErrorAsProblemJsonAndEverySuccessAsJson() {
        List<String> errors = ApiDocs.errorStatuses(ApiDocs.tree(mvc));
        assertThat(errors).hasSize(13);

        AbstractJsonContentAssert<?> spec = spec();
        spec.extractingPath("$.paths['/api/books/{id}'].get.responses['404'].description").asString().contains("book-not-found");
        spec.extractingPath("$.paths['/api/books'].post.responses['409'].description").asString().contains("isbn-already-in-catalog");
        spec.extractingPath("$.paths['/api/books'].get.responses['400'].description").asString().contains("invalid-parameter");
        spec.extractingPath("$.paths['/api/books'].post.responses['400'].description").asString().contains("invalid-body");
        spec.extractingPath("$.components.schemas.Problem.required").asArray().containsExactlyInAnyOrder("type", "title", "status");
        spec.extractingPath("$.components.schemas.Problem.properties").asMap()
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void documentsTheConstraintsOfEveryParameter() {
        AbstractJsonContentAssert<?> spec = spec();
        String search = "$.paths['/api/books'].get.parameters";

        spec.extractingPath(search + "[?(@.name == 'size')].schema.minimum").asArray().containsExactly(1);
        spec.extractingPath(search + "[?(@.name == 'size')].schema.maximum").asArray().containsExactly(100);
        spec.extractingPath(search + "[?(@.name == 'page')].schema.minimum").asArray().containsExactly(0);
        spec.extractingPath(search + "[?(@.name == 'q')].schema.maxLength").asArray().containsExactly(200);
        spec.extractingPath("$.paths['/api/books/{id}'].get.parameters[?(@.name == 'id')].schema.exclusiveMinimum")
                .asArray().containsExactly(0);
    }

    @Test
    void documentsRequestAndResponseBodies() {
        AbstractJsonContentAssert<?> spec = spec();

        spec.extractingPath("$.paths['/api/books'].post.requestBody.content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/AddBookRequest");
        spec.extractingPath("$.components.schemas.AddBookRequest.required").asArray()
                .containsExactlyInAnyOrder("isbn", "title", "authors");
        spec.extractingPath("$.components.schemas.AddBookRequest.properties.authors.minItems").isEqualTo(1);
        spec.extractingPath("$.components.schemas.AddBookRequest.properties.authors.maxItems").isEqualTo(20);
        spec.extractingPath("$.components.schemas.AddBookRequest.properties.title.maxLength").isEqualTo(300);
        spec.extractingPath("$.paths['/api/books/{id}'].get.responses['200'].content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/Book");
        spec.extractingPath("$.components.schemas.Copy.properties.status.enum").asArray()
                .containsExactly("AVAILABLE", "RESERVED", "RENTED");
    }

    @Test
    void namesTheGatewayAsServerWhenReadThroughIt() {
        MvcTestResult throughGateway = mvc.get().uri("/v3/api-docs")
                .header("X-Forwarded-Host", "gateway.example:8443").header("X-Forwarded-Proto", "https").exchange();
        MvcTestResult direct = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(throughGateway).bodyJson().extractingPath("$.servers[*].url").asArray()
                .containsExactly("https://gateway.example:8443");
        assertThat(direct).bodyJson().extractingPath("$.servers[*].url").asArray().containsExactly("http://localhost");
    }

    private AbstractJsonContentAssert<?> spec() {
        return ApiDocs.spec(mvc);
    }
}
