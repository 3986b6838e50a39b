package dev.bookrental.rental.saga;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;
import dev.bookrental.rental.card.RentRefusedException;

/** The card's rules refuse the rent (409): suspended, at the limit, or the book already out. Nothing was recorded. */
class RentNotAllowedProblem extends ProblemException {

    RentNotAllowedProblem(RentRefusedException refusal) {
        super(HttpStatus.CONFLICT, "rent-not-allowed", "Rent not allowed", detail(refusal),
                Map.of("reason", refusal.reason().name(), "bookId", refusal.bookId()), refusal);
    }

    private static String detail(RentRefusedException refusal) {
        return switch (refusal.reason()) {
            case CARD_SUSPENDED -> "The rental card is suspended: an overdue book or an unpaid late fee.";
            case LOAN_LIMIT_REACHED -> "As many books are out, or being rented, as a card allows.";
            case ALREADY_RENTED -> "Book " + refusal.bookId() + " is already out, or being rented, on this card.";
        };
    }
}
