package dev.bookrental.rental.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

/** The caller's own rental card over HTTP: the card of the token's subject, for a member's token only. */
@WebMvcTest(value = RentalCardController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml", "rental.max-loans=5"})
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, RentalAccess.class})
@EnableConfigurationProperties(RentalProperties.class)
class RentalCardControllerTests {

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private RentalCards cards;

    @Test
    void answersTheCallersOwnCard() {
        given(cards.of("member-1")).willReturn(RentalCard.open("member-1"));

        MvcTestResult result = mvc.get().uri("/api/rental-card").with(Callers.member("member-1")).exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo("member-1");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
        assertThat(result).bodyJson().extractingPath("$.loans").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.outstandingFees").isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.loansLeft").isEqualTo(5);
    }

    @Test
    void anAnonymousCallerIsUnauthenticated() {
        MvcTestResult result = mvc.get().uri("/api/rental-card").exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        verify(cards, never()).of(anyString());
    }

    @Test
    void aTokenWithoutTheMemberRoleIsForbidden() {
        MvcTestResult result = mvc.get().uri("/api/rental-card").with(Callers.librarian()).exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        verify(cards, never()).of(anyString());
    }

    @Test
    void aMemberSeesOnlyTheCardOfTheirOwnToken() {
        given(cards.of("member-2")).willReturn(RentalCard.open("member-2"));

        MvcTestResult result = mvc.get().uri("/api/rental-card").with(Callers.member("member-2")).exchange();

        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo("member-2");
        verify(cards, never()).of("member-1");
    }
}
