package dev.bookrental.bff.mobile.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.bff.mobile.StandInServices;
import dev.bookrental.platform.testsupport.InvalidTokens;
import dev.bookrental.platform.testsupport.TestTokenIssuer;

/**
 * The home screen with real signed tokens, checked by the platform's resource server with the
 * production settings (config/application.yml) against a stand-in auth service's JWK set, and real
 * HTTP servers standing in for member, rental, book and rental-query: a member's token gets the home screen and is
 * relayed as it came; no token, a forged, stale or foreign one is a 401 problem, a token without the
 * MEMBER role a 403 problem, and neither reaches a service.
 */
@SpringBootTest(properties =
        "spring.config.location=file:../../config/application.yml,file:../../config/bff-mobile.yml,classpath:/test.yml")
@AutoConfigureMockMvc
class SignedTokenTests {

    private static final TestTokenIssuer issuer = TestTokenIssuer.start();
    private static final StandInServices services = new StandInServices();
    private static final List<String> SERVICES = List.of("member", "rental", "book", "rental-query");

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        for (String service : SERVICES) {
            registry.add("spring.http.serviceclient." + service + ".base-url", services::url);
        }
        registry.add("bookrental.security.issuer", issuer::issuer);
    }

    @BeforeEach
    void nothingReceived() {
        services.reset();
    }

    @AfterAll
    static void stop() {
        services.close();
        issuer.close();
    }

    @Test
    void aMembersTokenGetsTheHomeScreenAndIsRelayedAsItCame() {
        String token = issuer.token("member-1", "MEMBER");

        MvcTestResult result = home("Bearer " + token);

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.member.points").isEqualTo(90);
        assertThat(result).bodyJson().extractingPath("$.card.loans[0].title").isEqualTo("Dune");
        assertThat(result).bodyJson().extractingPath("$.unavailable").asArray().isEmpty();
        assertThat(services.receivedBy("member")).extracting(StandInServices.Received::authorization)
                .containsExactly("Bearer " + token);
    }

    @Test
    void noTokenIsA401ProblemWithTheBearerChallenge() {
        MvcTestResult result = home(null);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertNoServiceAsked();
    }

    static Stream<Arguments> forgeries() {
        return Stream.concat(
                InvalidTokens.of(issuer, "member-1", "MEMBER"),
                Stream.of(Arguments.of("not a JWT", "opaque-token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aTokenThatIsNotAValidOneOfTheAuthServiceIsA401AndReachesNoService(String what, String token) {
        MvcTestResult result = home("Bearer " + token);

        InvalidTokens.assertRefused(result);
        assertNoServiceAsked();
    }

    @Test
    void aTokenWithoutTheMemberRoleIsA403ProblemAndReachesNoService() {
        MvcTestResult result = home("Bearer " + issuer.token("librarian", "LIBRARIAN"));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("insufficient_scope");
        assertNoServiceAsked();
    }

    private void assertNoServiceAsked() {
        for (String service : SERVICES) {
            assertThat(services.receivedBy(service)).as(service).isEmpty();
        }
    }

    private MvcTestResult home(String authorization) {
        var request = mvc.get().uri("/bff/mobile/home");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange();
    }
}
