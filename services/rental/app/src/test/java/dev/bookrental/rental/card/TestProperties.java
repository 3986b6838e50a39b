package dev.bookrental.rental.card;

import java.time.Duration;

/** {@link RentalProperties} for tests: the library's rules with the limit and snapshot interval given. */
public final class TestProperties {

    private TestProperties() {
    }

    public static RentalProperties of(int maxLoans, int snapshotEvery) {
        return new RentalProperties(maxLoans, Duration.ofDays(14), 10, 5, snapshotEvery, Duration.ofSeconds(10),
                new RentalProperties.Saga(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofMillis(500)));
    }
}
