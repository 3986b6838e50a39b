package dev.bookrental.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The signed-token tests every servlet service runs: the {@link TestTokenIssuer}'s forgeries as
 * arguments of a parameterized test, and what a refused token must get back.
 */
public final class InvalidTokens {

    private InvalidTokens() {
    }

    /** {@code (what, token)} for each forgery of a token that would otherwise be valid for {@code subject}. */
    public static Stream<Arguments> of(TestTokenIssuer issuer, String subject, String... roles) {
        return issuer.forgeries(subject, roles).entrySet().stream().map(forgery -> Arguments.of(forgery.getKey(), forgery.getValue()));
    }

    /** A 401 problem of type {@code unauthenticated} with a {@code Bearer ... invalid_token} challenge. */
    public static void assertRefused(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("invalid_token");
    }
}
