package dev.bookrental.gateway.circuitbreaker;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bookrental.platform.resilience.Resilience;

/**
 * Circuit breaker per route: the gateway's default filter {@code CircuitBreaker} (config/gateway.yml)
 * runs every route's calls through Spring Cloud CircuitBreaker's Resilience4j breaker named after
 * the route ({@code book}, {@code member}, …) with a time limiter of the same name, thresholds from
 * {@code bookrental.resilience} ({@link Resilience}).
 *
 * <p>Every route's breaker and time limiter is created as soon as the routes are known, at start
 * and after every refresh of the routes, rather than at the route's first request: Spring Cloud's
 * factory keeps the configuration it saw when the route was built, and uses it to create the
 * breaker lazily — after a threshold change that would be the old one. Created up front, each is in
 * the registry when a refresh comes, and so is replaced with the new thresholds; its state is on
 * {@code /actuator/prometheus} from the start.
 */
@Configuration(proxyBeanMethods = false)
class RouteCircuitBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> thresholdsInForce(Resilience resilience) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(resilience.current().circuitBreaker().config())
                .timeLimiterConfig(resilience.current().timeLimiter().config())
                .build());
    }

    @Bean
    ApplicationListener<RefreshRoutesResultEvent> breakerPerRoute(RouteLocator routes, Resilience resilience) {
        return event -> routes.getRoutes().map(Route::getId).subscribe(id -> {
            resilience.circuitBreaker(id);
            resilience.timeLimiter(id);
        });
    }
}
