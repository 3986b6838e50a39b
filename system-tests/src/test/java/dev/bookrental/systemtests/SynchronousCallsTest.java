package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Synchronous calls between services: rental answers "may I rent this book now?" with answers it
 * needs at once from book (is a copy available?) and member (are there points enough?), through
 * HTTP interface clients over {@code lb://} names (Eureka and the load balancer), and a rental card
 * that is the caller's own.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class SynchronousCallsTest {

    @Test
    void aNewMemberMayRentABookWithAnAvailableCopyButNotOneWithout() {
        User member = Library.registeredMember();
        long withCopy = addBook(1);
        long withoutCopy = addBook(0);

        Http.Response eligible = eligibility(member, withCopy);
        assertThat(eligible.status()).as(eligible.raw().body()).isEqualTo(200);
        assertThat(eligible.json().get("eligible").asBoolean()).isTrue();
        assertThat(eligible.json().get("title").asString()).isEqualTo("Synchronous Book 1");

        Http.Response refused = eligibility(member, withoutCopy);
        assertThat(refused.json().get("eligible").asBoolean()).isFalse();
        assertThat(refused.json().get("reasons").size()).isEqualTo(1);
        assertThat(refused.json().get("reasons").get(0).asString()).isEqualTo("NO_COPY_AVAILABLE");
    }

    @Test
    void theCardIsTheCallersOwnAndBadInputIsAProblem() {
        User member = Library.registeredMember();

        Http.Response card = Http.get(Http.GATEWAY + "/api/rental-card", member.authorization());
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.json().get("memberId").asString()).isEqualTo(member.id());
        assertThat(card.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(card.json().get("loansLeft").asInt()).isEqualTo(5);

        ApiErrorsTest.assertProblem(Http.get(Http.GATEWAY + "/api/rental-card"), 401, "urn:bookrental:problem:unauthenticated");
        ApiErrorsTest.assertProblem(eligibility(member, 99_999_999), 404, "urn:bookrental:problem:book-not-found");
        Http.Response malformed = Http.get(Http.GATEWAY + "/api/rental-card/eligibility?bookId=abc", member.authorization());
        ApiErrorsTest.assertProblem(malformed, 400, "urn:bookrental:problem:invalid-parameter");
        assertThat(malformed.json().get("errors").findValuesAsString("name")).containsExactly("bookId");
        Http.Response noProfile = Http.get(Http.GATEWAY + "/api/rental-card/eligibility?bookId=1", AuthKeys.authorization(AuthKeys.sign(ForgedTokens.memberClaims(UUID.randomUUID().toString()))));
        ApiErrorsTest.assertProblem(noProfile, 404, "urn:bookrental:problem:member-not-found");
    }

    private static Http.Response eligibility(User member, long bookId) {
        return Http.get(Http.GATEWAY + "/api/rental-card/eligibility?bookId=" + bookId, member.authorization());
    }

    private static long addBook(int copies) {
        return Library.addBook("Synchronous Book " + copies, copies);
    }
}
