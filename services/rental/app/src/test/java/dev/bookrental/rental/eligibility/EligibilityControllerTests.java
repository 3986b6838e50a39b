package dev.bookrental.rental.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.platform.testsupport.Callers;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;
import dev.bookrental.rental.access.RentalAccess;
import dev.bookrental.rental.remote.ServiceUnavailableException;

/** "May I rent this book?" over HTTP: parameters, answers, problems, and a member's token only. */
@WebMvcTest(value = EligibilityController.class, properties = "spring.config.location=classpath:/slice-test.yml")
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, RentalAccess.class})
class EligibilityControllerTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private Eligibility eligibility;

    @Test
    void answersTheVerdictWithItsReasons() {
        given(eligibility.check("m", 7)).willReturn(new Eligibility.Verdict(7, "Dune", false,
                List.of(Eligibility.Reason.NO_COPY_AVAILABLE)));

        MvcTestResult result = check("m", "7");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.eligible").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.reasons[0]").isEqualTo("NO_COPY_AVAILABLE");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Dune");
    }

    @Test
    void aMalformedOrMissingBookIdIsA400NamingIt() {
        for (String bookId : new String[] {"abc", "0", "-3", "99999999999999999999", null}) {
            MvcTestResult result = check("m", bookId);

            assertThat(result).as("bookId=%s", bookId)
                    .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.errors[0].name").isEqualTo("bookId");
        }
        verify(eligibility, never()).check(anyString(), anyLong());
    }

    @Test
    void aServiceDownIsA503ProblemWithRetryAfter() {
        given(eligibility.check("m", 7)).willThrow(new ServiceUnavailableException("book", new RuntimeException("timeout")));

        MvcTestResult result = check("m", "7");

        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).hasHeader("Retry-After", "5");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:service-unavailable");
    }

    @Test
    void asksOnlyForAMembersTokenAndAboutItsSubject() {
        assertThat(mvc.get().uri("/api/rental-card/eligibility").param("bookId", "7").exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/rental-card/eligibility").param("bookId", "7").with(Callers.librarian()).exchange())
                .hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verify(eligibility, never()).check(anyString(), anyLong());
    }

    private MvcTestResult check(String caller, String bookId) {
        var request = mvc.get().uri("/api/rental-card/eligibility").with(Callers.member(caller));
        return (bookId == null ? request : request.param("bookId", bookId)).exchange();
    }
}
