package dev.bookrental.rental.card;

import java.time.Duration;

/**
 * The library's rules a rental card decides by (ARCHITECTURE.md, domain rules), from
 * {@link RentalProperties}; plain values, so the card is tested without Spring.
 *
 * @param maxLoans      books out (or being rented) at once
 * @param loanPeriod    how long a loan lasts
 * @param lateFeePerDay points owed for each day begun after the due date
 */
public record CardRules(int maxLoans, Duration loanPeriod, int lateFeePerDay) {
}
