package dev.bookrental.rental.card;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The library's rules that configuration may change (config/rental.yml, under {@code rental}).
 *
 * @param maxLoans   books a member may have out at once
 * @param loanPeriod how long a rental lasts; tests shorten it to seconds
 * @param rentPrice  points a rental costs
 */
@Validated
@ConfigurationProperties("rental")
public record RentalProperties(@DefaultValue("5") @Min(1) @Max(50) int maxLoans,
        @DefaultValue("14d") @NotNull Duration loanPeriod, @DefaultValue("10") @Min(0) int rentPrice) {
}
