package dev.bookrental.bench.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

import dev.bookrental.rental.card.RentalProperties;

/**
 * The rental service's settings as the config server serves them to it (config/rental.yml),
 * bound the way the service binds them, its defaults included: the benchmark runs the card with
 * the library's real rules and snapshot interval, and the pool the service has.
 */
final class RentalSettings {

    private static final String FILE = "rental.yml";
    /** HikariCP's own default, which Spring Boot keeps unless configured. */
    private static final int DEFAULT_POOL_SIZE = 10;

    private final Path file;
    private final List<ConfigurationPropertySource> sources;

    private RentalSettings(Path file, List<ConfigurationPropertySource> sources) {
        this.file = file;
        this.sources = sources;
    }

    static RentalSettings read(Path configDir) throws IOException {
        Path file = configDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No " + file + ": the benchmark runs the card with the rental service's configuration");
        }
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        ConfigurationPropertySources.from(new YamlPropertySourceLoader().load(FILE, new FileSystemResource(file))).forEach(sources::add);
        return new RentalSettings(file, List.copyOf(sources));
    }

    /** The {@code rental.*} properties, with {@code overrides} (e.g. {@code rental.snapshot-every}) over the file. */
    RentalProperties rental(Map<String, String> overrides) {
        List<ConfigurationPropertySource> all = new ArrayList<>();
        all.add(new MapConfigurationPropertySource(overrides));
        all.addAll(sources);
        return new Binder(all).bindOrCreate("rental", RentalProperties.class);
    }

    /** The service's connection pool size. */
    int poolSize() {
        return new Binder(sources).bind("spring.datasource.hikari.maximum-pool-size", Integer.class).orElse(DEFAULT_POOL_SIZE);
    }

    Path file() {
        return file;
    }
}
