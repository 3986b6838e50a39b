package dev.bookrental.rental.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.platform.testsupport.InvalidTokens;
import dev.bookrental.platform.testsupport.TestTokenIssuer;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.rental.access.RentalAccess;

/**
 * A rental card with real signed tokens, checked by the production decoder and validators
 * (config/application.yml) against a stand-in auth service's JWK set: a member's token reads the card
 * of its subject; a forged, stale or foreign one is a 401 problem and reads nothing.
 */
@WebMvcTest(value = RentalCardController.class, properties = {
        "spring.config.location=classpath:/slice-test.yml,file:../../../config/application.yml", "rental.max-loans=5"})
@Import({ProblemDetailsAdvice.class, RentalAccess.class})
@EnableConfigurationProperties(RentalProperties.class)
class SignedTokenTests {

    private static final TestTokenIssuer issuer = TestTokenIssuer.start();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private RentalCards cards;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("bookrental.security.issuer", issuer::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aMembersTokenReadsTheCardOfItsSubject() {
        given(cards.of("member-1")).willReturn(RentalCard.open("member-1"));

        MvcTestResult result = card(issuer.token("member-1", "MEMBER"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo("member-1");
    }

    @Test
    void aServiceTokenIsForbidden() {
        assertThat(card(issuer.token("rental-service", "SERVICE"))).hasStatus(HttpStatus.FORBIDDEN);
        verify(cards, never()).of(anyString());
    }

    static Stream<Arguments> forgeries() {
        return InvalidTokens.of(issuer, "member-1", "MEMBER");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aTokenThatIsNotAValidOneOfTheAuthServiceIsUnauthenticated(String what, String token) {
        MvcTestResult result = card(token);

        InvalidTokens.assertRefused(result);
        verify(cards, never()).of(anyString());
    }

    private MvcTestResult card(String token) {
        return mvc.get().uri("/api/rental-card").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
