package dev.bookrental.rental.remote;

import java.util.function.Supplier;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/** How rental treats the answer of a synchronous call to another service. */
public final class RemoteCalls {

    private RemoteCalls() {
    }

    /**
     * A remote call: its 404 is {@code notFound}; no answer in time (or a 5xx) is a 503, and so is no
     * access token for it because the auth service did not issue one.
     */
    public static <T> T call(String service, Supplier<T> request, Supplier<RuntimeException> notFound) {
        try {
            return request.get();
        } catch (HttpClientErrorException.NotFound e) {
            throw notFound.get();
        } catch (RestClientException e) {
            throw new ServiceUnavailableException(service, e);
        } catch (OAuth2AuthorizationException e) {
            throw new ServiceUnavailableException("auth", e);
        }
    }

    /** The catalog's book, or a 404 problem naming the id. */
    public static BookCatalog.BookSummary requireBook(BookCatalog catalog, long bookId) {
        return call("book", () -> catalog.book(bookId), () -> new UnknownBookException(bookId));
    }
}
