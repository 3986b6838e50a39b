package dev.bookrental.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springframework.cloud.gateway.route.RouteDefinition;

class ApiDocsRoutesTests {

    @Test
    void routesEveryListedSpecToTheServiceOfItsName() {
        Set<SwaggerUrl> specs = new LinkedHashSet<>(List.of(
                new SwaggerUrl("book", "/v3/api-docs/book", null),
                new SwaggerUrl("rental", "/v3/api-docs/rental", null)));

        List<RouteDefinition> routes = ApiDocsRoutes.routes(specs);

        assertThat(routes).extracting(RouteDefinition::getId).containsExactly("api-docs-book", "api-docs-rental");
        RouteDefinition book = routes.get(0);
        assertThat(book.getUri()).isEqualTo(URI.create("lb://book"));
        assertThat(book.getPredicates()).singleElement().satisfies(predicate -> {
            assertThat(predicate.getName()).isEqualTo("Path");
            assertThat(predicate.getArgs().values()).containsExactly("/v3/api-docs/book");
        });
        assertThat(book.getFilters()).singleElement().satisfies(filter -> {
            assertThat(filter.getName()).isEqualTo("SetPath");
            assertThat(filter.getArgs().values()).containsExactly("/v3/api-docs");
        });
    }

    @Test
    void routesNothingWhenNoSpecIsListed() {
        assertThat(ApiDocsRoutes.routes(null)).isEmpty();
        assertThat(ApiDocsRoutes.routes(Set.of())).isEmpty();
    }
}
