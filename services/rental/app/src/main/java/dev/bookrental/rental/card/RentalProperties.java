package dev.bookrental.rental.card;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The library's rules and the rental service's timings that configuration may change
 * (config/rental.yml, under {@code rental}).
 *
 * @param maxLoans       books a member may have out (or being rented) at once
 * @param loanPeriod     how long a rental lasts; tests shorten it to seconds
 * @param rentPrice      points a rental costs
 * @param lateFeePerDay  points owed per day begun after the due date
 * @param snapshotEvery  a snapshot of a card is stored every this many events, so that loading it
 *                       reads one snapshot and at most this many events; 0 switches snapshots off
 * @param overdueCheck   how often loans past their due date are looked for
 * @param saga           the rent saga's timings
 */
@Validated
@ConfigurationProperties("rental")
public record RentalProperties(@DefaultValue("5") @Min(1) @Max(50) int maxLoans,
        @DefaultValue("14d") @NotNull Duration loanPeriod, @DefaultValue("10") @Min(0) int rentPrice,
        @DefaultValue("5") @Min(0) int lateFeePerDay, @DefaultValue("50") @Min(0) int snapshotEvery,
        @DefaultValue("10s") @NotNull Duration overdueCheck, @DefaultValue @Valid Saga saga) {

    public CardRules cardRules() {
        return new CardRules(maxLoans, loanPeriod, lateFeePerDay);
    }

    /**
     * @param stepTimeout      how long a step waits for its participant's reply before the saga
     *                         gives up and compensates what was done
     * @param retryFirst       a compensation not acknowledged is sent again after this long …
     * @param retryMax         … doubling each time up to this; it is never given up
     * @param check            how often deadlines and due compensations are looked for
     */
    public record Saga(@DefaultValue("10s") @NotNull Duration stepTimeout, @DefaultValue("1s") @NotNull Duration retryFirst,
            @DefaultValue("30s") @NotNull Duration retryMax, @DefaultValue("500ms") @NotNull Duration check) {
    }
}
