package dev.bookrental.rental.saga;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** No rental of the caller has this id (another member's rental is not found either: nothing leaks). */
class RentalNotFoundProblem extends ProblemException {

    RentalNotFoundProblem(UUID rentalId) {
        super(HttpStatus.NOT_FOUND, "rental-not-found", "Rental not found", "You have no rental " + rentalId + ".",
                Map.of("rentalId", rentalId.toString()));
    }
}
