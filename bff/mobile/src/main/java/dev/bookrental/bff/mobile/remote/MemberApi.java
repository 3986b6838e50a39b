package dev.bookrental.bff.mobile.remote;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;

/** The member service (group {@code member}, {@code lb://member}), called with the caller's own token. */
public interface MemberApi {

    @GetExchange("/api/members/me")
    Profile me(@RequestHeader(HttpHeaders.AUTHORIZATION) String bearerToken);

    /** The fields of the profile the home screen shows; others are ignored. */
    record Profile(String id, String displayName, int points) {
    }
}
