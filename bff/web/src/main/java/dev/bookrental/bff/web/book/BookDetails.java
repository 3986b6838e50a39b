package dev.bookrental.bff.web.book;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Service;

import dev.bookrental.bff.web.book.BookDetail.Status;

/**
 * API composition of a book's detail page: book (the title and, in a second call, its copies),
 * rental-query (its rank) and rental (may the caller rent it now) are asked at the same time through
 * the gateway, each on its own virtual thread, and each part is awaited at most the call timeout
 * ({@code bookrental.bff-web.book-detail.call-timeout}). A part whose source fails or is late is left
 * out and marked (see {@link BookDetail}), so the page shows what is there; a stranger gets the
 * public parts, and the eligibility part marked as needing sign-in. Rental is asked only for a
 * member: a librarian has no rental card, so rental would refuse the call (403); the part is marked
 * NOT_APPLICABLE without it, which costs no call and no renewal of the session's token.
 *
 * <p>Called by {@code GET /bff/web/api/books/{bookId}} and, in-process, by the web UI's book page.
 * It must run on the request's thread (the caller's session gives the access token).
 */
@Service
public class BookDetails {

    /** The authority of auth's MEMBER role, as bff-web maps the ID token's roles at sign-in (page/SignedInRoles). */
    private static final String MEMBER = "ROLE_MEMBER";

    private final BookSource books;
    private final RankSource ranks;
    private final EligibilitySource eligibility;
    private final SessionAccessToken sessionToken;
    private final ExecutorService calls;
    private final BookDetailProperties properties;

    BookDetails(BookSource books, RankSource ranks, EligibilitySource eligibility, SessionAccessToken sessionToken,
            ExecutorService bookDetailExecutor, BookDetailProperties properties) {
        this.books = books;
        this.ranks = ranks;
        this.eligibility = eligibility;
        this.sessionToken = sessionToken;
        this.calls = bookDetailExecutor;
        this.properties = properties;
    }

    /**
     * @throws BookNotFoundProblem when book answers that there is no such book (404 problem); while
     *                             book is down the answer is partial instead, since nobody can tell
     */
    public BookDetail of(long bookId) {
        boolean notAMember = signedInWithoutMemberRole();
        Optional<String> accessToken = notAMember ? Optional.empty() : sessionToken.current();
        Parts parts = new Parts(properties.callTimeout());
        Future<BookSource.Book> book = calls.submit(() -> books.book(bookId));
        Future<List<BookSource.Copy>> copies = calls.submit(() -> books.copies(bookId));
        Future<RankSource.Rank> rank = calls.submit(() -> ranks.rank(bookId));
        Optional<Future<EligibilitySource.Verdict>> verdict = accessToken.map(token ->
                calls.submit(() -> eligibility.eligibility("Bearer " + token, bookId)));

        BookDetail.Book bookPart = parts.await(BookDetail.BOOK, book).map(BookDetails::book).orElse(null);
        if (parts.statusOf(BookDetail.BOOK) == Status.NOT_FOUND) {
            copies.cancel(true);
            rank.cancel(true);
            verdict.ifPresent(call -> call.cancel(true));
            throw new BookNotFoundProblem(bookId);
        }
        BookDetail.Copies copiesPart = parts.await(BookDetail.COPIES, copies).map(BookDetails::copies).orElse(null);
        BookDetail.Rank rankPart = parts.await(BookDetail.RANK, rank)
                .map(ranked -> new BookDetail.Rank(ranked.rank(), ranked.rentals())).orElse(null);
        BookDetail.Eligibility eligibilityPart = null;
        if (verdict.isPresent()) {
            eligibilityPart = parts.await(BookDetail.ELIGIBILITY, verdict.get())
                    .map(v -> new BookDetail.Eligibility(v.eligible(), v.reasons() == null ? List.of() : v.reasons())).orElse(null);
        } else if (notAMember) {
            parts.mark(BookDetail.ELIGIBILITY, Status.NOT_APPLICABLE, "Only members rent books.");
        } else {
            parts.mark(BookDetail.ELIGIBILITY, Status.SIGN_IN_REQUIRED, "Sign in to see whether you may rent this book.");
        }
        return new BookDetail(bookId, bookPart, copiesPart, rankPart, eligibilityPart, parts.outcomes(), parts.partial());
    }

    /**
     * Signed in, but without the MEMBER role (a librarian): the session's roles say so, and rental,
     * which checks the role on the access token, would only refuse. A stranger is not signed in.
     */
    private static boolean signedInWithoutMemberRole() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        return person instanceof OAuth2AuthenticationToken
                && person.getAuthorities().stream().noneMatch(authority -> MEMBER.equals(authority.getAuthority()));
    }

    private static BookDetail.Book book(BookSource.Book book) {
        return new BookDetail.Book(book.isbn(), book.title(), book.authors() == null ? List.of() : book.authors(),
                book.publisher(), book.publishedYear());
    }

    private static BookDetail.Copies copies(List<BookSource.Copy> copies) {
        int available = (int) copies.stream().filter(copy -> "AVAILABLE".equals(copy.status())).count();
        return new BookDetail.Copies(copies.size(), available);
    }
}
