package dev.bookrental.member.profile;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/**
 * No profile for this member (yet): the profile is created from the registration event, so it
 * may appear a moment after registering. A 404 problem.
 */
public class MemberNotFoundException extends ProblemException {

    public MemberNotFoundException(String memberId) {
        super(HttpStatus.NOT_FOUND, "member-not-found", "Member not found",
                "No profile for member " + memberId + " (a new one appears shortly after registering).",
                Map.of("memberId", memberId));
    }
}
