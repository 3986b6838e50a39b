package dev.bookrental.member.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.member.access.MemberAccess;
import dev.bookrental.platform.testsupport.InvalidTokens;
import dev.bookrental.platform.testsupport.TestTokenIssuer;
import dev.bookrental.platform.web.ProblemDetailsAdvice;

/**
 * A member's profile with real signed tokens, checked by the production decoder and validators
 * (config/application.yml) against a stand-in auth service's JWK set: a member's token reads the
 * profile of its subject; a forged, stale or foreign one is a 401 problem and reads nothing.
 */
@WebMvcTest(value = MemberController.class, properties =
        "spring.config.location=classpath:/slice-test.yml,file:../../../config/application.yml")
@Import({ProblemDetailsAdvice.class, MemberAccess.class})
class SignedTokenTests {

    private static final TestTokenIssuer issuer = TestTokenIssuer.start();

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private MemberRepository members;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("bookrental.security.issuer", issuer::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aMembersTokenReadsTheProfileOfItsSubject() {
        given(members.findById("member-1")).willReturn(Optional.of(new Member("member-1", "ada", "Ada Lovelace", 100)));

        MvcTestResult result = me(issuer.token("member-1", "MEMBER"));

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("member-1");
    }

    @Test
    void aLibrariansTokenIsForbidden() {
        assertThat(me(issuer.token("librarian", "LIBRARIAN"))).hasStatus(HttpStatus.FORBIDDEN);
        verify(members, never()).findById(anyString());
    }

    static Stream<Arguments> forgeries() {
        return InvalidTokens.of(issuer, "member-1", "MEMBER");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aTokenThatIsNotAValidOneOfTheAuthServiceIsUnauthenticated(String what, String token) {
        MvcTestResult result = me(token);

        InvalidTokens.assertRefused(result);
        verify(members, never()).findById(anyString());
    }

    private MvcTestResult me(String token) {
        return mvc.get().uri("/api/members/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
