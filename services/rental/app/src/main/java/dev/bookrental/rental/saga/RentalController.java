package dev.bookrental.rental.saga;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;
import dev.bookrental.rental.api.RentalEvent.RejectionReason;

/** A member's rentals: the caller is the subject of the access token, and only their own rentals exist for them. */
@RestController
@Tag(name = "rentals")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class RentalController {

    private final RentalService rentals;

    RentalController(RentalService rentals) {
        this.rentals = rentals;
    }

    @PostMapping("/api/rentals")
    @Operation(summary = "Rent a book: the card's rules are checked now, the copy and the points by the rent saga",
            description = "Answers at once with the rental, PENDING; follow its Location until it is RENTED or REJECTED.")
    @ApiResponse(responseCode = "202", description = "Accepted: the rent saga runs; Location names the rental")
    @ApiResponse(responseCode = "400", description = "No or malformed body, or bookId missing or not positive")
    @ApiResponse(responseCode = "404", description = "No such book (book-not-found)")
    @ApiResponse(responseCode = "409", description = "The card's rules refuse (rent-not-allowed, with the reason)")
    @ApiResponse(responseCode = "503", description = "Book did not answer in time: service-unavailable, with Retry-After")
    ResponseEntity<RentalView> rent(@AuthenticationPrincipal Jwt caller, @RequestBody @Valid RentRequest request) {
        Rental rental = rentals.request(caller.getSubject(), request.bookId());
        return ResponseEntity.accepted().location(URI.create("/api/rentals/" + rental.rentalId())).body(RentalView.of(rental));
    }

    @GetMapping("/api/rentals/{rentalId}")
    @Operation(summary = "One of the caller's rentals: PENDING, RENTED, REJECTED (with the reason) or RETURNED")
    @ApiResponse(responseCode = "200", description = "The rental")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "The caller has no rental of this id (rental-not-found)")
    RentalView rental(@AuthenticationPrincipal Jwt caller, @PathVariable UUID rentalId) {
        return RentalView.of(rentals.find(caller.getSubject(), rentalId));
    }

    @PostMapping("/api/rentals/{rentalId}/return")
    @Operation(summary = "Bring a rented book back; a late return owes a fee per day late, which member charges")
    @ApiResponse(responseCode = "200", description = "The rental, RETURNED")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID")
    @ApiResponse(responseCode = "404", description = "The caller has no rental of this id (rental-not-found)")
    @ApiResponse(responseCode = "409", description = "The rental is not out: pending, rejected or returned already (rental-not-out)")
    RentalView returnBook(@AuthenticationPrincipal Jwt caller, @PathVariable UUID rentalId) {
        return RentalView.of(rentals.returnBook(caller.getSubject(), rentalId));
    }

    /** @param bookId the book to rent */
    record RentRequest(@NotNull @Min(1) Long bookId) {
    }

    /** @param rejection why a REJECTED rental did not happen */
    record RentalView(UUID rentalId, long bookId, Rental.Status status, RejectionReason rejection, Long copyId,
            Instant requestedAt, Instant dueAt, Instant returnedAt) {

        static RentalView of(Rental rental) {
            return new RentalView(rental.rentalId(), rental.bookId(), rental.status(),
                    rental.status() == Rental.Status.REJECTED ? rental.rejection() : null,
                    rental.status() == Rental.Status.PENDING || rental.status() == Rental.Status.REJECTED ? null : rental.copyId(),
                    rental.requestedAt(), rental.dueAt(), rental.returnedAt());
        }
    }
}
