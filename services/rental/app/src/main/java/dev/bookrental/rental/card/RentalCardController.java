package dev.bookrental.rental.card;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.openapi.BearerTokenOpenApi;

/** {@code GET /api/rental-card}: the caller's own rental card, the caller being the access token's subject. */
@RestController
@Tag(name = "rental card")
@SecurityRequirement(name = BearerTokenOpenApi.SCHEME)
class RentalCardController {

    private final RentalCards cards;
    private final RentalProperties rules;

    RentalCardController(RentalCards cards, RentalProperties rules) {
        this.cards = cards;
        this.rules = rules;
    }

    @GetMapping("/api/rental-card")
    @Operation(summary = "The caller's own rental card: status, books out, fees owed")
    @ApiResponse(responseCode = "200", description = "The caller's card, replayed from its events")
    CardView myCard(@AuthenticationPrincipal Jwt caller) {
        RentalCard card = cards.of(caller.getSubject());
        return new CardView(card.memberId(), card.status(), card.loans(), card.pending(), card.fees(), card.outstandingFees(),
                card.loansLeft(rules.cardRules()), card.version());
    }

    /**
     * @param pending   rents asked for whose saga has not ended yet
     * @param fees      late fees owed; the card is suspended while there is one
     * @param loansLeft how many more books the member may ask for now, by the limit on loans
     * @param version   the version of the card's last event
     */
    record CardView(String memberId, RentalCard.CardStatus status, List<RentalCard.Loan> loans,
            List<RentalCard.PendingRent> pending, List<RentalCard.Fee> fees, int outstandingFees, int loansLeft, int version) {
    }
}
