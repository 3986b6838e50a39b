package dev.bookrental.bff.web.page;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The public API behind the gateway as the web UI's pages use it (a book's page excepted: it is
 * composed by {@code BookDetails}), with the answers as typed records
 * (only the fields a page shows; others are ignored). Same client group as the JSON API's
 * {@code GatewayApi} ({@code gateway}: base URL and timeouts in config/bff-web.yml, the session's
 * access token on every call of a signed-in person, none for a stranger). A service's refusal
 * arrives as a {@code RestClientResponseException} carrying its problem (see {@link Problem}).
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface LibraryApi {

    @GetExchange("/api/books")
    BookPage searchBooks(@RequestParam(required = false) String q, @RequestParam int page, @RequestParam int size);

    @GetExchange("/api/books/{id}")
    Book book(@PathVariable long id);

    @GetExchange("/api/best-books")
    List<RankedBook> bestBooks(@RequestParam int limit);

    @GetExchange("/api/members/me")
    Member member();

    @PostExchange("/api/members/me/points")
    Balance topUp(@RequestBody TopUp request);

    @GetExchange("/api/rental-card")
    RentalCard rentalCard();

    @PostExchange("/api/rentals")
    Rental rent(@RequestBody RentRequest request);

    @GetExchange("/api/rentals/{rentalId}")
    Rental rental(@PathVariable UUID rentalId);

    @PostExchange("/api/rentals/{rentalId}/return")
    Rental returnBook(@PathVariable UUID rentalId);

    @PostExchange("/api/books")
    Book addBook(@RequestBody NewBook request);

    @PostExchange("/api/books/{id}/copies")
    List<Copy> addCopies(@PathVariable long id, @RequestBody CopiesRequest request);

    record Book(long id, String isbn, String title, List<String> authors, String publisher, Integer publishedYear) {
    }

    record BookPage(List<Book> content, int page, int size, long totalElements, long totalPages) {

        boolean hasPrevious() {
            return page > 0;
        }

        boolean hasNext() {
            return page + 1 < totalPages;
        }
    }

    record Copy(long id, long bookId, String status) {
    }

    record RankedBook(int rank, long bookId, String title, int rentals) {
    }

    record Member(String id, String username, String displayName, int points) {
    }

    record TopUp(int amount) {
    }

    record Balance(String memberId, int points) {
    }

    /** The member's card as rental keeps it: what is out, what is asked for, what is owed. */
    record RentalCard(String status, List<Loan> loans, List<PendingRent> pending, int outstandingFees, int loansLeft) {

        public RentalCard {
            loans = loans == null ? List.of() : loans;
            pending = pending == null ? List.of() : pending;
        }

        record Loan(String rentalId, long bookId, long copyId, Instant dueAt, boolean overdue) {
        }

        record PendingRent(String rentalId, long bookId) {
        }
    }

    record RentRequest(long bookId) {
    }

    /** @param rejection why a REJECTED rental did not happen */
    record Rental(UUID rentalId, long bookId, String status, String rejection, Instant dueAt, Instant returnedAt) {
    }

    record NewBook(String isbn, String title, List<String> authors, String publisher, Integer publishedYear) {
    }

    record CopiesRequest(int count) {
    }
}
