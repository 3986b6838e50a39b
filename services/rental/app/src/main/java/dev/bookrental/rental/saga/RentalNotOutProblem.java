package dev.bookrental.rental.saga;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** Only a rented book can come back (409): this rental is still pending, was rejected, or is back already. */
class RentalNotOutProblem extends ProblemException {

    RentalNotOutProblem(Rental rental) {
        super(HttpStatus.CONFLICT, "rental-not-out", "Rental not out",
                "Rental " + rental.rentalId() + " is " + rental.status() + ", not RENTED: there is nothing to return.",
                Map.of("rentalId", rental.rentalId().toString(), "rentalStatus", rental.status().name()));
    }
}
