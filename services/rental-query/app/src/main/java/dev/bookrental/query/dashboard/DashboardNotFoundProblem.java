package dev.bookrental.query.dashboard;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/**
 * No fact about this member has reached the read side yet: a new member's dashboard appears
 * shortly after registering (eventual consistency). A 404 problem.
 */
class DashboardNotFoundProblem extends ProblemException {

    DashboardNotFoundProblem(String memberId) {
        super(HttpStatus.NOT_FOUND, "dashboard-not-found", "Dashboard not found",
                "Nothing is known about member " + memberId + " on the read side yet (it appears shortly after registering).",
                Map.of("memberId", memberId));
    }
}
