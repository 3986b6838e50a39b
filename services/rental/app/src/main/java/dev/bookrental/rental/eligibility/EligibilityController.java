package dev.bookrental.rental.eligibility;

import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** {@code GET /api/rental-card/eligibility?bookId=}: may the caller (the token's subject) rent this book now, and if not, why. */
@RestController
@Tag(name = "rental card")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class EligibilityController {

    private final Eligibility eligibility;

    EligibilityController(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    @GetMapping("/api/rental-card/eligibility")
    @Operation(summary = "May the caller rent this book now, and if not, why (asks book and member)")
    @ApiResponse(responseCode = "200", description = "The verdict and every reason against")
    @ApiResponse(responseCode = "404", description = "No such book (book-not-found), or no profile for the caller yet (member-not-found)")
    @ApiResponse(responseCode = "503", description = "Book or member did not answer in time: service-unavailable, with Retry-After")
    Eligibility.Verdict check(@AuthenticationPrincipal Jwt caller,
                              @RequestParam @Positive @Parameter(description = "The book's id", example = "1") long bookId) {
        return eligibility.check(caller.getSubject(), bookId);
    }
}
