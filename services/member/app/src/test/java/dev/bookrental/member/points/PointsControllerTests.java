package dev.bookrental.member.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.bookrental.member.access.MemberAccess;
import dev.bookrental.member.profile.MemberNotFoundException;
import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;

/** Buying points over HTTP: who may, for whom, and every way the amount can be wrong. */
@WebMvcTest(value = PointsController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml"}) // instead of application.yml and its config-server import
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, MemberAccess.class})
class PointsControllerTests {

    private static final String MEMBER = "member-1";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private PointsService points;

    @Test
    void topUpAnswersTheNewBalance() {
        given(points.topUp(MEMBER, 250)).willReturn(new Balance(MEMBER, 350));

        MvcTestResult result = topUp(MEMBER, "{\"amount\":250}");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo(MEMBER);
        assertThat(result).bodyJson().extractingPath("$.points").isEqualTo(350);
        verify(points).topUp(MEMBER, 250);
    }

    @Test
    void acceptsTheSmallestAndTheLargestTopUp() {
        given(points.topUp(MEMBER, 1)).willReturn(new Balance(MEMBER, 1));
        given(points.topUp(MEMBER, PointsLedger.MAX_TOP_UP)).willReturn(new Balance(MEMBER, 10_001));

        assertThat(topUp(MEMBER, "{\"amount\":1}")).hasStatusOk();
        assertThat(topUp(MEMBER, "{\"amount\":10000}")).hasStatusOk();
        verify(points).topUp(MEMBER, 1);
        verify(points).topUp(MEMBER, 10_000);
    }

    @Test
    void aMemberCannotTopUpAnotherMembersBalance() {
        // The body names no member (an unknown field is refused): the points go to the token's subject.
        assertInvalidField(topUp(MEMBER, "{\"amount\":5,\"memberId\":\"member-2\"}"), "memberId");
        given(points.topUp("member-2", 5)).willReturn(new Balance("member-2", 5));

        assertThat(topUp("member-2", "{\"amount\":5}")).hasStatusOk();
        verify(points).topUp("member-2", 5);
        verify(points, never()).topUp(eq(MEMBER), anyInt());
    }

    @Test
    void rejectsACallerWithoutTokenAsUnauthenticated() {
        MvcTestResult result = topUp((RequestPostProcessor) null, "{\"amount\":5}");

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
        verify(points, never()).topUp(anyString(), anyInt());
    }

    @Test
    void rejectsATokenWithoutTheMemberRole() {
        MvcTestResult result = topUp(Callers.librarian(), "{\"amount\":5}");

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        verify(points, never()).topUp(anyString(), anyInt());
    }

    @Test
    void answersAnUnknownMemberWithMemberNotFoundProblem() {
        given(points.topUp("ghost", 5)).willThrow(new MemberNotFoundException("ghost"));

        MvcTestResult result = topUp("ghost", "{\"amount\":5}");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:member-not-found");
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo("ghost");
    }

    @Test
    void answersABalanceOverTheLimitWithBalanceLimitExceededProblem() {
        given(points.topUp(MEMBER, 10)).willThrow(new BalanceLimitExceededException(PointsLedger.MAX_BALANCE));

        MvcTestResult result = topUp(MEMBER, "{\"amount\":10}");

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:balance-limit-exceeded");
        assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo(PointsLedger.MAX_BALANCE);
    }

    @Test
    void rejectsAmountZeroNamingIt() {
        assertInvalidField(topUp(MEMBER, "{\"amount\":0}"), "amount");
    }

    @Test
    void rejectsNegativeAmountNamingIt() {
        assertInvalidField(topUp(MEMBER, "{\"amount\":-1}"), "amount");
    }

    @Test
    void rejectsAmountAboveTheTopUpLimitNamingIt() {
        assertInvalidField(topUp(MEMBER, "{\"amount\":10001}"), "amount");
    }

    @Test
    void rejectsAmountThatIsNotANumberNamingIt() {
        assertInvalidField(topUp(MEMBER, "{\"amount\":\"ten\"}"), "amount");
    }

    @Test
    void rejectsNullOrMissingAmountNamingIt() {
        assertInvalidField(topUp(MEMBER, "{\"amount\":null}"), "amount");
        assertInvalidField(topUp(MEMBER, "{}"), "amount");
    }

    @Test
    void rejectsAnUnknownFieldNamingIt() {
        assertInvalidField(topUp(MEMBER, "{\"amount\":5,\"currency\":\"EUR\"}"), "currency");
    }

    @Test
    void rejectsAMissingOrMalformedBody() {
        for (String body : new String[] {"", "{not json"}) {
            MvcTestResult result = topUp(MEMBER, body);

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-body");
        }
        verify(points, never()).topUp(anyString(), anyInt());
    }

    private MvcTestResult topUp(String memberId, String json) {
        return topUp(Callers.member(memberId), json);
    }

    /** @param caller the signed-in caller, null for none */
    private MvcTestResult topUp(RequestPostProcessor caller, String json) {
        var request = mvc.post().uri("/api/members/me/points").contentType(MediaType.APPLICATION_JSON).content(json);
        return (caller == null ? request : request.with(caller)).exchange();
    }

    private void assertInvalidField(MvcTestResult result, String field) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:invalid-body");
        assertThat(result).bodyJson().extractingPath("$.errors[0].name").isEqualTo(field);
        verify(points, never()).topUp(anyString(), anyInt());
    }
}
