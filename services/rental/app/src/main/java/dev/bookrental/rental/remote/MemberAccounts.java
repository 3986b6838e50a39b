package dev.bookrental.rental.remote;

import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;

import dev.bookrental.platform.web.CallerId;

/**
 * The member service, called synchronously for a member's points: an HTTP interface client of the
 * group {@code member} ({@code lb://member}, timeouts in config/rental.yml). It passes the caller's
 * identity on; with issue 5 that becomes the caller's access token (token relay).
 */
public interface MemberAccounts {

    /** @throws org.springframework.web.client.HttpClientErrorException.NotFound when there is no such member */
    @GetExchange("/api/members/me")
    MemberSummary member(@RequestHeader(CallerId.HEADER) String memberId);

    record MemberSummary(String id, int points) {
    }
}
