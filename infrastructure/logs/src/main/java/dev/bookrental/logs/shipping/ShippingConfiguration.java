package dev.bookrental.logs.shipping;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.bookrental.logs.LogsProperties;

/** Wires the shipper: which folder, which checkpoint file, which OpenSearch. */
@Configuration(proxyBeanMethods = false)
class ShippingConfiguration {

    @Bean
    LogIndex logIndex(LogsProperties properties) {
        return new LogIndex(properties.opensearch());
    }

    @Bean
    LogShipper logShipper(LogsProperties properties, LogIndex index, Environment environment) throws IOException {
        Path directory = properties.directory() != null ? properties.directory() : ownLogFolder(environment);
        Path checkpoints = properties.checkpoints() != null ? properties.checkpoints()
                : directory.toAbsolutePath().getParent().resolve("shipper-checkpoints.json");
        return new LogShipper(new LogFileTailer(directory), index, Checkpoints.load(checkpoints), properties.poll(),
                properties.batchLines());
    }

    /** Where the launcher writes every instance's JSON log, this one's included. */
    private static Path ownLogFolder(Environment environment) {
        String ownFile = environment.getProperty("logging.file.name");
        if (ownFile == null) {
            throw new IllegalStateException("Set bookrental.logs.directory (or logging.file.name): the folder of JSON logs to ship");
        }
        return Path.of(ownFile).toAbsolutePath().getParent();
    }
}
