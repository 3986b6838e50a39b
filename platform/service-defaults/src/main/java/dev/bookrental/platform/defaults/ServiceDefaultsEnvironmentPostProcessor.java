package dev.bookrental.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Service defaults (like eShop's ServiceDefaults): adds {@code bookrental-defaults.yml} as the
 * lowest-precedence property source of every service that depends on this module.
 *
 * <p>It runs before Spring Boot reads {@code application.yml} and the config-server import, so the
 * settings needed to reach config-server at all (retry, fail-fast) are in place, and everything
 * here can still be overridden by a service's own file, the config repository or the command line.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "bookrentalServiceDefaults";
    private static final String RESOURCE = "bookrental-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10), which reads the imports.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
