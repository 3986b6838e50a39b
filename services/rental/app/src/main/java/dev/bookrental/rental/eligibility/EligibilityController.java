package dev.bookrental.rental.eligibility;

import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.platform.web.CallerId;

/** {@code GET /api/rental-card/eligibility?bookId=}: may the caller rent this book now, and if not, why. */
@RestController
class EligibilityController {

    private final Eligibility eligibility;

    EligibilityController(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    @GetMapping("/api/rental-card/eligibility")
    Eligibility.Verdict check(@RequestHeader(name = CallerId.HEADER, required = false) String caller,
            @RequestParam @Positive long bookId) {
        return eligibility.check(CallerId.require(caller), bookId);
    }
}
