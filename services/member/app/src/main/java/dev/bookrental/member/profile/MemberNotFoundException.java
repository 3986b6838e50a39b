package dev.bookrental.member.profile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.bookrental.platform.web.ProblemTypes;

/**
 * No profile for this member (yet): the profile is created from the registration event, so it
 * may appear a moment after registering. Answered as a 404 problem.
 */
public class MemberNotFoundException extends ErrorResponseException {

    public MemberNotFoundException(String memberId) {
        super(HttpStatus.NOT_FOUND, problem(memberId), null);
    }

    private static ProblemDetail problem(String memberId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No profile for member " + memberId + " (a new one appears shortly after registering).");
        problem.setType(ProblemTypes.of("member-not-found"));
        problem.setTitle("Member not found");
        problem.setProperty("memberId", memberId);
        return problem;
    }
}
