package dev.bookrental.rental.remote;

import org.springframework.web.service.annotation.GetExchange;

/**
 * The member service, called synchronously for a member's points: an HTTP interface client of the
 * group {@code member} ({@code lb://member}, timeouts in config/rental.yml). Called on behalf of the
 * signed-in member, with the member's own access token ({@link BearerTokenRelay}): member answers
 * for the token's subject, by the same rules as for the member directly.
 */
public interface MemberAccounts {

    /**
     * The calling member's own account.
     *
     * @throws org.springframework.web.client.HttpClientErrorException.NotFound when the member has no profile (yet)
     */
    @GetExchange("/api/members/me")
    MemberSummary me();

    record MemberSummary(String id, int points) {
    }
}
