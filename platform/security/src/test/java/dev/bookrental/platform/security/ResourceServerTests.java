package dev.bookrental.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.platform.testsupport.TestTokenIssuer;

/**
 * The platform's resource server with real signed tokens: the production decoder, validators and
 * role mapping (the shared settings of config/application.yml) against a stand-in auth service that
 * serves its JWK set over HTTP. A valid token passes; expired, foreign-issuer, foreign-audience,
 * badly signed, unsigned ({@code alg: none}) and HS256-with-the-public-key tokens are 401 problems
 * with the bearer challenge; a valid token without the role is a 403 problem.
 */
@WebMvcTest(properties = "spring.config.location=classpath:/security-test.yml,file:../../config/application.yml")
class ResourceServerTests {

    private static final TestTokenIssuer issuer = TestTokenIssuer.start();

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("bookrental.security.issuer", issuer::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void acceptsAValidTokenOfTheIssuerAndKnowsItsSubject() {
        MvcTestResult result = get("/api/things/mine", issuer.token("member-1", "MEMBER"));

        assertThat(result).hasStatusOk();
        assertThat(result).hasBodyTextEqualTo("member-1");
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).as("stateless: no session").isNull();
    }

    static Stream<Arguments> forgeries() {
        return issuer.forgeries("member-1", "MEMBER").entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void refusesATokenThatIsNotAValidOneOfTheIssuer(String what, String token) {
        MvcTestResult result = get("/api/things/mine", token);

        assertUnauthenticated(result);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void refusesARequestWithoutTokenWithTheBearerChallenge() {
        MvcTestResult result = get("/api/things/mine", null);

        assertUnauthenticated(result);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").doesNotContain("error=");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/things/mine");
    }

    @Test
    void refusesAValidTokenWithoutTheRoleAsForbidden() {
        MvcTestResult result = get("/api/things/mine", issuer.token("librarian", "LIBRARIAN"));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(403);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
    }

    @Test
    void appliesTheServicesOwnRulesAndDeniesWhatNoRuleOpens() {
        assertThat(get("/api/things/public", null)).hasStatusOk();
        assertUnauthenticated(get("/api/unlisted", null));
    }

    @Test
    void leavesActuatorAndTheApiDocsOpen() {
        // No controller of this slice answers them: the point is that security lets them through.
        for (String path : new String[] {"/actuator/health", "/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html"}) {
            assertThat(get(path, null)).as(path).hasStatus(HttpStatus.NOT_FOUND);
        }
    }

    /** @param token the bearer token, null for none */
    private MvcTestResult get(String path, String token) {
        var request = mvc.get().uri(path);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).exchange();
    }

    private static void assertUnauthenticated(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Unauthenticated");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
    }
}
