package dev.bookrental.launcher;

import dev.bookrental.launcher.infra.Kafka;
import dev.bookrental.launcher.infra.OpenSearch;
import dev.bookrental.launcher.infra.Postgres;
import dev.bookrental.launcher.infra.Redis;
import dev.bookrental.launcher.infra.Zipkin;

/**
 * The whole system in one declaration, like eShop's AppHost: infrastructure, services, their
 * ports and what each waits for. The launcher starts every component as soon as the components
 * it depends on are healthy, so independent ones start in parallel.
 */
public final class SystemTopology {

    private SystemTopology() {
    }

    public static Topology bookrental() {
        Topology system = new Topology();

        // Infrastructure: real engines, data under .run/data.
        // The facts topics keep every event: the read side (rental-query) rebuilds from offset 0.
        var kafka = system.add(new Kafka(9092)
                .withPermanentTopics("auth.events", "book.events", "member.events", "rental.events"));
        var postgres = system.add(new Postgres(5432)
                .withDatabaseFor("book").withDatabaseFor("member").withDatabaseFor("rental")
                .withDatabaseFor("auth").withDatabaseFor("query"));
        var redis = system.add(new Redis(6379));
        system.add(new Zipkin(9411));
        var opensearch = system.add(new OpenSearch(9200)); // the log store

        // Platform services.
        var discovery = system.add(Service.named("discovery")
                .module("infrastructure/discovery", "dev.bookrental.discovery.DiscoveryApplication")
                .port(8761)
                .registersInDiscovery(false));
        var configServer = system.add(Service.named("config-server")
                .module("infrastructure/config-server", "dev.bookrental.configserver.ConfigServerApplication")
                .port(8888)
                .dependsOn(kafka, discovery));
        system.add(Service.named("gateway")
                .module("infrastructure/gateway", "dev.bookrental.gateway.GatewayApplication")
                .port(8080)
                .dependsOn(configServer, redis)); // rate-limit counters
        // The monitoring UI (Spring Boot Admin): finds every other instance in Eureka.
        system.add(Service.named("admin")
                .module("infrastructure/admin", "dev.bookrental.admin.AdminApplication")
                .port(9090)
                .dependsOn(configServer));

        // The authorization server: its own issuer, not behind the gateway (the browser signs in on :9000).
        // Hashing passwords (Argon2id) is CPU-bound Java: 60 ms a hash with C2 against 200 ms with C1 only.
        system.add(Service.named("auth")
                .module("services/auth/app", "dev.bookrental.auth.AuthApplication")
                .port(9000)
                .alwaysThroughput()
                .dependsOn(configServer, postgres));

        // Domain services.
        system.add(Service.named("book")
                .module("services/book/app", "dev.bookrental.book.BookApplication")
                .port(8101)
                .dependsOn(configServer, postgres));
        system.add(Service.named("member")
                .module("services/member/app", "dev.bookrental.member.MemberApplication")
                .port(8102)
                .dependsOn(configServer, postgres));
        system.add(Service.named("rental")
                .module("services/rental/app", "dev.bookrental.rental.RentalApplication")
                .port(8103)
                .dependsOn(configServer, postgres));
        // The read side (CQRS): views built from the facts topics, in its own database `query`.
        system.add(Service.named("rental-query")
                .module("services/rental-query/app", "dev.bookrental.query.QueryApplication")
                .port(8104)
                .dependsOn(configServer, postgres));

        // Backends for frontends: the browser's (sessions in Redis) and the phone's.
        system.add(Service.named("bff-web")
                .module("bff/web", "dev.bookrental.bff.web.BffWebApplication")
                .port(8081)
                .dependsOn(configServer, redis));
        system.add(Service.named("bff-mobile")
                .module("bff/mobile", "dev.bookrental.bff.mobile.BffMobileApplication")
                .port(8082)
                .dependsOn(configServer));

        // Central logs: ships every instance's JSON log into OpenSearch; search API and page on :9091.
        system.add(Service.named("logs")
                .module("infrastructure/logs", "dev.bookrental.logs.LogsApplication")
                .port(9091)
                .heapMb(128)
                .dependsOn(configServer, opensearch));
        return system;
    }
}
