package dev.bookrental.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Service defaults (like eShop's ServiceDefaults): adds {@code bookrental-defaults.yml} to Spring
 * Boot's default properties, the lowest-precedence property source of every service that depends
 * on this module.
 *
 * <p>It runs before Spring Boot reads {@code application.yml} and the config-server import, so the
 * settings needed to reach config-server at all (retry, fail-fast) are in place, and everything
 * here can still be overridden by a service's own file, the config repository or the command line.
 * A plain property source added last would not do: Spring Boot appends the config files and
 * imports it reads later after it, which would put these defaults above them; only the
 * {@code defaultProperties} source is kept last.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String RESOURCE = "bookrental-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
                for (String name : properties.getPropertyNames()) {
                    defaults.putIfAbsent(name, properties.getProperty(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }

    @Override
    public int getOrder() {
        // Before ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10), which reads the imports.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
