package dev.bookrental.bff.mobile.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.springframework.stereotype.Service;

import dev.bookrental.bff.mobile.remote.BookApi;
import dev.bookrental.bff.mobile.remote.MemberApi;
import dev.bookrental.bff.mobile.remote.RentalApi;

/**
 * API composition for the phone's home screen: member (points), rental (card, loans) and book
 * (catalog) are asked at the same time, each on its own virtual thread; the titles of the loans
 * are asked as soon as the card is known. Whatever has arrived by the deadline is the answer (see
 * {@link PartialAnswer}). The caller's token is passed on to member and rental, which answer with
 * the caller's own data only.
 */
@Service
class HomeScreen {

    private final MemberApi members;
    private final RentalApi rentals;
    private final BookApi books;
    private final ExecutorService calls;
    private final HomeProperties properties;

    HomeScreen(MemberApi members, RentalApi rentals, BookApi books, ExecutorService compositionCalls,
            HomeProperties properties) {
        this.members = members;
        this.rentals = rentals;
        this.books = books;
        this.calls = compositionCalls;
        this.properties = properties;
    }

    Home of(String accessToken) {
        String bearer = "Bearer " + accessToken;
        PartialAnswer answer = new PartialAnswer(properties.deadline());
        Future<MemberApi.Profile> member = calls.submit(() -> members.me(bearer));
        Future<RentalApi.Card> card = calls.submit(() -> rentals.card(bearer));
        Future<BookApi.Page> catalog = calls.submit(() -> books.books(0, properties.catalogSize()));

        Optional<RentalApi.Card> cardPart = answer.await("card", card);
        Map<Long, Future<BookApi.Book>> titleCalls = new LinkedHashMap<>();
        cardPart.ifPresent(c -> c.loans().forEach(loan ->
                titleCalls.computeIfAbsent(loan.bookId(), id -> calls.submit(() -> books.book(id)))));

        Home.Member memberPart = answer.await("member", member)
                .map(profile -> new Home.Member(profile.displayName(), profile.points()))
                .orElse(null);
        Home.Catalog catalogPart = answer.await("catalog", catalog)
                .map(page -> new Home.Catalog(page.totalElements(), page.content().stream().map(HomeScreen::book).toList()))
                .orElse(null);
        Home.Card cardView = cardPart.map(c -> new Home.Card(c.status(), c.loansLeft(), c.outstandingFees(),
                c.loans().stream().map(loan -> loan(loan, titleOf(loan.bookId(), titleCalls, answer))).toList()))
                .orElse(null);
        return new Home(memberPart, cardView, catalogPart, answer.unavailable());
    }

    private static String titleOf(long bookId, Map<Long, Future<BookApi.Book>> titleCalls, PartialAnswer answer) {
        return answer.await("titles", titleCalls.get(bookId)).map(BookApi.Book::title).orElse(null);
    }

    private static Home.Loan loan(RentalApi.Loan loan, String title) {
        return new Home.Loan(loan.rentalId(), loan.bookId(), title, loan.dueAt(), loan.overdue());
    }

    private static Home.Book book(BookApi.Book book) {
        return new Home.Book(book.id(), book.title(), book.authors() == null ? List.of() : book.authors());
    }
}
