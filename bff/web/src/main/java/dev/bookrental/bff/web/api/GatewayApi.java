package dev.bookrental.bff.web.api;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * The public API behind the gateway, as far as the page uses it, called on behalf of the signed-in
 * person: an HTTP interface client of the group {@code gateway} (base URL and timeouts in
 * config/bff-web.yml) whose every request carries the session's access token ({@link GatewayCalls}).
 * Answers other than the member profile are passed on to the browser as they are.
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface GatewayApi {

    @GetExchange("/api/members/me")
    MemberProfile member();

    @GetExchange("/api/rental-card")
    JsonNode rentalCard();

    @PostExchange("/api/rentals")
    ResponseEntity<JsonNode> rent(@RequestBody JsonNode request);

    @GetExchange("/api/rentals/{rentalId}")
    JsonNode rental(@PathVariable UUID rentalId);

    @PostExchange("/api/rentals/{rentalId}/return")
    JsonNode returnBook(@PathVariable UUID rentalId);

    /** The fields of member's profile that the page shows; others are ignored. */
    record MemberProfile(String id, String username, String displayName, int points) {
    }
}
