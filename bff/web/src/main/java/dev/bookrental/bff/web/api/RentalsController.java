package dev.bookrental.bff.web.api;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The signed-in person's rental card and rentals, relayed to rental through the gateway with their
 * access token. Rental checks the input and the rules; its answers (202 with Location, problems
 * such as 409 rent-not-allowed) reach the page unchanged, with Location pointing into bff-web.
 */
@RestController
class RentalsController {

    private static final String RENTALS = "/bff/web/api/rentals";

    private final GatewayApi gateway;

    RentalsController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/bff/web/api/rental-card")
    JsonNode rentalCard() {
        return gateway.rentalCard();
    }

    @PostMapping(RENTALS)
    ResponseEntity<JsonNode> rent(@RequestBody JsonNode request) {
        ResponseEntity<JsonNode> accepted = gateway.rent(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(accepted.getStatusCode());
        JsonNode rental = accepted.getBody();
        if (rental != null && rental.hasNonNull("rentalId")) {
            answer.location(URI.create(RENTALS + "/" + rental.get("rentalId").asString()));
        }
        return answer.body(rental);
    }

    @GetMapping(RENTALS + "/{rentalId}")
    JsonNode rental(@PathVariable UUID rentalId) {
        return gateway.rental(rentalId);
    }

    @PostMapping(RENTALS + "/{rentalId}/return")
    JsonNode returnBook(@PathVariable UUID rentalId) {
        return gateway.returnBook(rentalId);
    }
}
