package dev.bookrental.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.blocking.client.BlockingLoadBalancerClient;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Flux;

/**
 * Spring Cloud LoadBalancer's real client over an empty instance list: a call to the service is a
 * {@link ResourceAccessException} (what callers answer with a 503) caused by
 * {@link NoInstanceIsUnavailable.NoInstanceException}, not the load balancer's IllegalStateException;
 * other runtime exceptions pass unchanged.
 */
class NoInstanceIsUnavailableTests {

    private final BlockingLoadBalancerClient loadBalancer = new BlockingLoadBalancerClient(new NoInstances());

    @Test
    void noRegisteredInstanceIsAnIoFailureOfTheCall() {
        RestClient client = RestClient.builder()
                .baseUrl("http://book")
                .requestInterceptor(new NoInstanceIsUnavailable("book"))
                .requestInterceptor(new LoadBalancerInterceptor(loadBalancer))
                .build();

        assertThatThrownBy(() -> client.get().uri("/api/books/1").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class)
                .hasCauseInstanceOf(NoInstanceIsUnavailable.NoInstanceException.class)
                .hasMessageContaining("no instance of book available");
    }

    @Test
    void theRetryInterceptorsNullInstanceIsOneToo() {
        // What Spring Cloud's RetryLoadBalancerInterceptor does when it chose no instance.
        RestClient client = RestClient.builder()
                .baseUrl("http://book")
                .requestInterceptor(new NoInstanceIsUnavailable("book"))
                .requestInterceptor((request, body, execution) -> loadBalancer.execute("book", null, instance -> execution.execute(request, body)))
                .build();

        assertThatThrownBy(() -> client.get().uri("/api/books/1").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class)
                .hasCauseInstanceOf(NoInstanceIsUnavailable.NoInstanceException.class);
    }

    @Test
    void anyOtherIllegalStateStaysWhatItIs() {
        RestClient client = RestClient.builder()
                .baseUrl("http://book")
                .requestInterceptor(new NoInstanceIsUnavailable("book"))
                .requestInterceptor((request, body, execution) -> {
                    throw new IllegalStateException("a bug of the caller");
                })
                .build();

        assertThatThrownBy(() -> client.get().uri("/api/books/1").retrieve().body(String.class))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("a bug of the caller");
    }

    /** Every service's load balancer is round robin over no instance at all. */
    private static final class NoInstances implements ReactiveLoadBalancer.Factory<ServiceInstance> {

        @Override
        public ReactiveLoadBalancer<ServiceInstance> getInstance(String serviceId) {
            ServiceInstanceListSupplier empty = new ServiceInstanceListSupplier() {
                @Override
                public String getServiceId() {
                    return serviceId;
                }

                @Override
                public Flux<List<ServiceInstance>> get() {
                    return Flux.just(List.of());
                }
            };
            StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("supplier", empty));
            return new RoundRobinLoadBalancer(beans.getBeanProvider(ServiceInstanceListSupplier.class), serviceId);
        }

        @Override
        public LoadBalancerProperties getProperties(String serviceId) {
            return new LoadBalancerProperties();
        }

        @Override
        public <X> Map<String, X> getInstances(String name, Class<X> type) {
            return Map.of();
        }

        @Override
        public <X> X getInstance(String name, Class<?> clazz, Class<?>... generics) {
            return null;
        }
    }
}
