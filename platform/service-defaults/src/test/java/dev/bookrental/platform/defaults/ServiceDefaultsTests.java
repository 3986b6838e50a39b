package dev.bookrental.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

class ServiceDefaultsTests {

    @Test
    void defaultsApplyWhereNothingElseSaysOtherwise() {
        try (ConfigurableApplicationContext context = start(Map.of())) {
            assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
            assertThat(context.getEnvironment().getProperty("management.endpoints.web.exposure.include")).contains("health");
        }
    }

    @Test
    void aServicesOwnConfigurationOverridesTheDefaults() {
        // Read like config/<service>.yml: a config data import, which Spring Boot adds after this post-processor ran.
        try (ConfigurableApplicationContext context = start(Map.of("spring.config.import", "classpath:service-overrides.yml"))) {
            assertThat(context.getEnvironment().getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,own");
            assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return application.run(concat(args, "--spring.cloud.config.enabled=false", "--eureka.client.enabled=false",
                "--spring.cloud.discovery.enabled=false", "--spring.cloud.bus.enabled=false"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
