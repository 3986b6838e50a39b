package dev.bookrental.rental.remote;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The synchronous clients of rental, one HTTP service group per service called. Spring Cloud
 * LoadBalancer resolves each group's {@code lb://} base URL through Eureka; Spring Boot applies the
 * group's timeouts ({@code spring.http.serviceclient.<group>.*}).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "book", types = BookCatalog.class)
@ImportHttpServices(group = "member", types = MemberAccounts.class)
class RemoteServices {
}
