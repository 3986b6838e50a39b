package dev.bookrental.rental.eligibility;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** The caller has no member profile (yet: registration creates it shortly after sign-up). */
class NotAMemberException extends ProblemException {

    NotAMemberException() {
        super(HttpStatus.NOT_FOUND, "member-not-found", "Member not found",
                "You have no member profile yet; it appears shortly after registration.", Map.of());
    }
}
