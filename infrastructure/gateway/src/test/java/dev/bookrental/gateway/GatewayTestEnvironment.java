package dev.bookrental.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.bookrental.platform.testsupport.TestTokenIssuer;

/**
 * What a gateway test runs against, all on loopback and started once per test class: a stand-in
 * auth service (its JWK set, tokens it signs), a stand-in service behind one route, and a real
 * redis-server for the rate limits. {@link #register} points the gateway under test at them.
 */
public final class GatewayTestEnvironment implements AutoCloseable {

    private final TestTokenIssuer issuer = TestTokenIssuer.start();
    private final TestBackend service = TestBackend.start();
    private final TestRedis redis = TestRedis.start();

    private GatewayTestEnvironment() {
    }

    public static GatewayTestEnvironment start() {
        return new GatewayTestEnvironment();
    }

    public TestTokenIssuer issuer() {
        return issuer;
    }

    public TestBackend service() {
        return service;
    }

    public TestRedis redis() {
        return redis;
    }

    /**
     * The issuer and Redis of this environment, and one route (replacing gateway.yml's list) from
     * {@code predicate} to the stand-in service.
     */
    public void register(DynamicPropertyRegistry registry, String routeId, String predicate) {
        registry.add("bookrental.security.issuer", issuer::issuer);
        registry.add("spring.data.redis.port", redis::port);
        String route = "spring.cloud.gateway.server.webflux.routes[0].";
        registry.add(route + "id", () -> routeId);
        registry.add(route + "uri", service::url);
        registry.add(route + "predicates[0]", () -> predicate);
    }

    @Override
    public void close() {
        issuer.close();
        service.close();
        redis.stop();
    }
}
