package dev.bookrental.book.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.bookrental.book.access.BookAccess;
import dev.bookrental.platform.testsupport.InvalidTokens;
import dev.bookrental.platform.testsupport.TestTokenIssuer;
import dev.bookrental.platform.web.ProblemDetailsAdvice;
import dev.bookrental.platform.web.StrictJsonBodies;

/**
 * The catalog's write API with real signed tokens, checked by the production decoder and validators
 * (config/application.yml) against a stand-in auth service's JWK set: a librarian's token adds a
 * book; a forged, stale or foreign one is a 401 problem and adds nothing, even with the librarian role.
 */
@WebMvcTest(value = LibrarianController.class, properties =
        "spring.config.location=classpath:/slice-test.yml,file:../../../config/application.yml")
@Import({ProblemDetailsAdvice.class, StrictJsonBodies.class, BookAccess.class})
class SignedTokenTests {

    private static final TestTokenIssuer issuer = TestTokenIssuer.start();
    private static final String DUNE = """
            {"isbn":"978-0-441-17271-9","title":"Dune","authors":["Frank Herbert"]}""";

    @Autowired
    private MockMvcTester mvc;

    @MockitoBean
    private CatalogService catalog;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("bookrental.security.issuer", issuer::issuer);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void aLibrariansTokenAddsABook() {
        given(catalog.add(any())).willReturn(new Book(42, "9780441172719", "Dune", List.of("Frank Herbert"), null, null));

        assertThat(post(issuer.token("librarian", "LIBRARIAN"))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aMembersTokenIsForbidden() {
        assertThat(post(issuer.token("member-1", "MEMBER"))).hasStatus(HttpStatus.FORBIDDEN);
        verify(catalog, never()).add(any());
    }

    static Stream<Arguments> forgeries() {
        return InvalidTokens.of(issuer, "librarian", "LIBRARIAN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aTokenThatIsNotAValidOneOfTheAuthServiceIsUnauthenticated(String what, String token) {
        MvcTestResult result = post(token);

        InvalidTokens.assertRefused(result);
        verify(catalog, never()).add(any());
    }

    private MvcTestResult post(String token) {
        return mvc.post().uri("/api/books").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(DUNE).exchange();
    }
}
