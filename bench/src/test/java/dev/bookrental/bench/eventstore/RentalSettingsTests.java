package dev.bookrental.bench.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bookrental.rental.card.RentalProperties;

class RentalSettingsTests {

    @TempDir
    Path config;

    @Test
    void bindsTheFileOverTheServicesDefaultsAndOverridesOverTheFile() throws IOException {
        Files.writeString(config.resolve("rental.yml"), """
                spring:
                  datasource:
                    url: ${RENTAL_DB_URL:jdbc:postgresql://127.0.0.1:5432/rental}
                    hikari:
                      maximum-pool-size: 7
                rental:
                  loan-period: 21d
                  snapshot-every: 40
                """);
        RentalSettings settings = RentalSettings.read(config);

        RentalProperties configured = settings.rental(Map.of());
        RentalProperties withoutSnapshots = settings.rental(Map.of("rental.snapshot-every", "0"));

        assertThat(configured.loanPeriod()).isEqualTo(Duration.ofDays(21));
        assertThat(configured.snapshotEvery()).isEqualTo(40);
        assertThat(configured.maxLoans()).isEqualTo(5); // RentalProperties' default
        assertThat(configured.saga().stepTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(withoutSnapshots.snapshotEvery()).isZero();
        assertThat(withoutSnapshots.loanPeriod()).isEqualTo(Duration.ofDays(21));
        assertThat(settings.poolSize()).isEqualTo(7);
    }

    @Test
    void aPoolNotConfiguredIsHikarisDefault() throws IOException {
        Files.writeString(config.resolve("rental.yml"), "rental:\n  snapshot-every: 50\n");

        assertThat(RentalSettings.read(config).poolSize()).isEqualTo(10);
    }

    @Test
    void readsTheProjectsOwnConfiguration() throws IOException {
        RentalProperties rental = RentalSettings.read(Path.of("..", "config")).rental(Map.of());

        assertThat(rental.snapshotEvery()).isPositive();
        assertThat(rental.lateFeePerDay()).isPositive();
    }

    @Test
    void failsWithoutTheFile() {
        assertThatThrownBy(() -> RentalSettings.read(config)).hasMessageContaining("rental.yml");
    }
}
