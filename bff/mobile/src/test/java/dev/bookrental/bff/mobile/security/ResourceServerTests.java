package dev.bookrental.bff.mobile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
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
import dev.bookrental.bff.mobile.Tokens;

/**
 * bff-mobile as a resource server, with real signed tokens checked against the JWK set of a
 * stand-in auth: what the token contract accepts reaches the home screen (and is relayed as it
 * came), everything else is a 401 or 403 problem with the Bearer challenge.
 */
@SpringBootTest(properties = "spring.config.location=file:../../config/bff-mobile.yml,classpath:/test.yml")
@AutoConfigureMockMvc
class ResourceServerTests {

    private static final StandInServices services = new StandInServices();
    private static final Tokens tokens = new Tokens(services.url());

    @Autowired MockMvcTester mvc;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        for (String service : List.of("member", "rental", "book")) {
            registry.add("spring.http.serviceclient." + service + ".base-url", services::url);
        }
        registry.add("bookrental.security.issuer", services::url);
    }

    @BeforeEach
    void publishAuthsKeys() {
        services.reset();
        services.publishKeys(tokens.jwkSet());
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void aMembersTokenGetsTheHomeScreenAndIsRelayedAsItCame() {
        String token = tokens.member();

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
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
    }

    static Stream<Arguments> refusedTokens() {
        Date past = Date.from(Instant.now().minusSeconds(600));
        return Stream.of(
                Arguments.of("expired", tokens.signed(claims -> claims.issueTime(past).expirationTime(past))),
                Arguments.of("another issuer", tokens.signed(claims -> claims.issuer("http://evil.example"))),
                Arguments.of("another audience", tokens.signed(claims -> claims.audience(List.of("another-api")))),
                Arguments.of("no audience", tokens.signed(claims -> claims.audience(List.of()))),
                Arguments.of("unsigned (alg none)", tokens.unsigned()),
                Arguments.of("HS256 signed with auth's public key", tokens.hs256WithThePublicKey()),
                Arguments.of("signed by another key under auth's key id", tokens.signedByStranger()),
                Arguments.of("not a JWT", "opaque-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aTokenOutsideTheContractIsA401AndReachesNoService(String kind, String token) {
        MvcTestResult result = home("Bearer " + token);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("invalid_token");
        assertThat(services.receivedBy("member")).isEmpty();
        assertThat(services.receivedBy("rental")).isEmpty();
    }

    @Test
    void aTokenWithoutTheMemberRoleIsA403Problem() {
        MvcTestResult result = home("Bearer " + tokens.signed(claims -> claims.claim("roles", List.of("LIBRARIAN"))));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("insufficient_scope");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        assertThat(services.receivedBy("member")).isEmpty();
    }

    private MvcTestResult home(String authorization) {
        var request = mvc.get().uri("/bff/mobile/home");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange();
    }
}
