package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Errors through the public entry are RFC 9457 problems with a stable type; bad input is a 400
 * naming the parameter, never a 500.
 */
@Order(3)
@ExtendWith(BookrentalSystem.class)
class ApiErrorsTest {

    @Test
    void unknownBookIsNotFoundProblem() {
        Http.Response response = Http.get(Http.GATEWAY + "/api/books/999999");

        assertProblem(response, 404, "urn:bookrental:problem:book-not-found");
        assertThat(response.json().get("bookId").asLong()).isEqualTo(999999);
    }

    @Test
    void malformedIdIsBadRequestNamingTheParameter() {
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books/abc"), "id");
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books/99999999999999999999"), "id");
    }

    @Test
    void malformedPagingIsBadRequestNamingTheParameter() {
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books?page=-1"), "page");
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books?page=x"), "page");
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books?size=0"), "size");
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books?size=101"), "size");
        assertInvalidParameter(Http.get(Http.GATEWAY + "/api/books?q=" + "a".repeat(201)), "q");
    }

    @Test
    void unknownRouteIsNotFoundProblem() {
        assertProblem(Http.get(Http.GATEWAY + "/no-such-thing"), 404, "urn:bookrental:problem:not-found");
        assertProblem(Http.get(Http.GATEWAY + "/api/no-such-thing", Library.LIBRARIAN.authorization()), 404, "urn:bookrental:problem:not-found");
        // Without a token the API does not even say which of its paths exist.
        assertProblem(Http.get(Http.GATEWAY + "/api/no-such-thing"), 401, "urn:bookrental:problem:unauthenticated");
    }

    private static void assertInvalidParameter(Http.Response response, String parameter) {
        assertProblem(response, 400, "urn:bookrental:problem:invalid-parameter");
        assertThat(response.json().get("errors").findValuesAsString("name")).containsExactly(parameter);
        assertThat(response.json().get("detail").asString()).contains("'" + parameter + "'");
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw().uri() + " " + response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }
}
