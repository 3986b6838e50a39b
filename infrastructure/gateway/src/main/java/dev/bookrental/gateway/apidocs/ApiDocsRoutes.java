package dev.bookrental.gateway.apidocs;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * API documentation through the gateway: every spec the Swagger UI lists ({@code springdoc.swagger-ui.urls}
 * in {@code config/gateway.yml}) is routed to the service of the same name, e.g.
 * {@code GET /v3/api-docs/book} → {@code lb://book/v3/api-docs}. The list is the one place that
 * names the documented services, so a new service is one line there; and the routes survive a
 * profile that replaces the routes list (as {@code gateway-bench.yml} does). The routes get the
 * gateway's default filters (retry) like every route of the configuration.
 */
@Component
class ApiDocsRoutes implements RouteDefinitionLocator {

    static final String SERVICE_SPEC_PATH = "/v3/api-docs";

    private final SwaggerUiConfigProperties swaggerUi;

    ApiDocsRoutes(SwaggerUiConfigProperties swaggerUi) {
        this.swaggerUi = swaggerUi;
    }

    /** Read on every refresh of the routes, so a changed list applies with the next refresh. */
    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.defer(() -> Flux.fromIterable(routes(swaggerUi.getUrls())));
    }

    static List<RouteDefinition> routes(Set<SwaggerUrl> specs) {
        return specs == null ? List.of() : specs.stream().map(ApiDocsRoutes::route).toList();
    }

    private static RouteDefinition route(SwaggerUrl spec) {
        RouteDefinition route = new RouteDefinition();
        route.setId("api-docs-" + spec.getName());
        route.setUri(URI.create("lb://" + spec.getName()));
        route.setPredicates(List.of(new PredicateDefinition("Path=" + spec.getUrl())));
        route.setFilters(List.of(new FilterDefinition("SetPath=" + SERVICE_SPEC_PATH)));
        return route;
    }
}
