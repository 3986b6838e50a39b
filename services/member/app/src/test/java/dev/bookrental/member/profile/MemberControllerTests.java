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

import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;

/** A member's own profile over HTTP. */
@WebMvcTest(value = MemberController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml"}) // instead of application.yml and its config-server import
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class})
class MemberControllerTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private MemberRepository members;

    @Test
    void answersTheCallersOwnProfile() {
        given(members.findById("member-1")).willReturn(Optional.of(new Member("member-1", "ada", "Ada Lovelace", 100)));

        MvcTestResult result = me("member-1");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("member-1");
        assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("ada");
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("Ada Lovelace");
        assertThat(result).bodyJson().extractingPath("$.points").isEqualTo(100);
    }

    @Test
    void rejectsACallerWithoutUserIdAsUnauthenticated() {
        for (String caller : new String[] {null, "", "  ", "x".repeat(65)}) {
            MvcTestResult result = me(caller);

            assertThat(result).as("X-User-Id %s", caller)
                    .hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        }
        verify(members, never()).findById(anyString());
    }

    @Test
    void answersAMemberWithoutProfileWithMemberNotFoundProblem() {
        given(members.findById("member-2")).willReturn(Optional.empty());

        MvcTestResult result = me("member-2");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:member-not-found");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo("member-2");
    }

    private MvcTestResult me(String caller) {
        var request = mvc.get().uri("/api/members/me");
        if (caller != null) {
            request = request.header("X-User-Id", caller);
        }
        return request.exchange();
    }
}
