package dev.bookrental.member.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Optional;

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
import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;

/** A member's own profile over HTTP: only a member's token, only the profile of its subject. */
@WebMvcTest(value = MemberController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml"}) // instead of application.yml and its config-server import
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, MemberAccess.class})
class MemberControllerTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private MemberRepository members;

    @Test
    void answersTheCallersOwnProfile() {
        given(members.findById("member-1")).willReturn(Optional.of(new Member("member-1", "ada", "Ada Lovelace", 100)));

        MvcTestResult result = me(Callers.member("member-1"));

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("member-1");
        assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("ada");
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("Ada Lovelace");
        assertThat(result).bodyJson().extractingPath("$.points").isEqualTo(100);
    }

    @Test
    void aMemberSeesOnlyTheProfileOfTheirOwnToken() {
        given(members.findById("member-1")).willReturn(Optional.of(new Member("member-1", "ada", "Ada Lovelace", 100)));
        given(members.findById("member-2")).willReturn(Optional.of(new Member("member-2", "alan", "Alan Turing", 40)));

        MvcTestResult result = me(Callers.member("member-2"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("member-2");
        verify(members, never()).findById("member-1");
    }

    @Test
    void rejectsACallerWithoutTokenAsUnauthenticated() {
        MvcTestResult result = me(null);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        verify(members, never()).findById(anyString());
    }

    @Test
    void rejectsATokenWithoutTheMemberRole() {
        for (RequestPostProcessor caller : new RequestPostProcessor[] {Callers.librarian(), Callers.withRoles("rental-service", "SERVICE"),
                Callers.withRoles("member-1")}) {
            MvcTestResult result = me(caller);

            assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        }
        verify(members, never()).findById(anyString());
    }

    @Test
    void answersAMemberWithoutProfileWithMemberNotFoundProblem() {
        given(members.findById("member-2")).willReturn(Optional.empty());

        MvcTestResult result = me(Callers.member("member-2"));

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:member-not-found");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo("member-2");
    }

    /** @param caller the signed-in caller, null for none */
    private MvcTestResult me(RequestPostProcessor caller) {
        var request = mvc.get().uri("/api/members/me");
        return (caller == null ? request : request.with(caller)).exchange();
    }
}
