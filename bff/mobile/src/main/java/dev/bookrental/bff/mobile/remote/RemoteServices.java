package dev.bookrental.bff.mobile.remote;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The services bff-mobile composes its answers from, one HTTP service group each: Spring Boot builds
 * the clients from {@code spring.http.serviceclient.<group>.*} (base URL {@code lb://<service>},
 * connect and read timeouts, config/bff-mobile.yml) and Spring Cloud LoadBalancer resolves the
 * names through Eureka.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "member", types = MemberApi.class)
@ImportHttpServices(group = "rental", types = RentalApi.class)
@ImportHttpServices(group = "book", types = BookApi.class)
@ImportHttpServices(group = "rental-query", types = RankingApi.class)
class RemoteServices {
}
