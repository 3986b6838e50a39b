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
import dev.bookrental.bff.mobile.remote.RankingApi;
import dev.bookrental.bff.mobile.remote.RentalApi;

/**
 * API composition for the phone's home screen: member (points), rental (card, loans) and
 * rental-query (the best books) are asked at the same time, each on its own virtual thread; book is
 * asked for the titles of the loans as soon as the card is known. Whatever has arrived by the
 * deadline is the answer (see {@link PartialAnswer}). The caller's token is passed on to member and
 * rental, which answer with the caller's own data only; the ranking and the titles are public.
 */
@Service
class HomeScreen {

    private final MemberApi members;
    private final RentalApi rentals;
    private final BookApi books;
    private final RankingApi ranking;
    private final ExecutorService calls;
    private final HomeProperties properties;

    HomeScreen(MemberApi members, RentalApi rentals, BookApi books, RankingApi ranking,
            ExecutorService compositionCalls, HomeProperties properties) {
        this.members = members;
        this.rentals = rentals;
        this.books = books;
        this.ranking = ranking;
        this.calls = compositionCalls;
        this.properties = properties;
    }

    Home of(String accessToken) {
        String bearer = "Bearer " + accessToken;
        PartialAnswer answer = new PartialAnswer(properties.deadline());
        Future<MemberApi.Profile> member = calls.submit(() -> members.me(bearer));
        Future<RentalApi.Card> card = calls.submit(() -> rentals.card(bearer));
        Future<List<RankingApi.RankedBook>> bestBooks = calls.submit(() -> ranking.bestBooks(properties.bestBooks()));

        Optional<RentalApi.Card> cardPart = answer.await("card", card);
        Map<Long, Future<BookApi.Book>> titleCalls = new LinkedHashMap<>();
        cardPart.ifPresent(c -> c.loans().forEach(loan ->
                titleCalls.computeIfAbsent(loan.bookId(), id -> calls.submit(() -> books.book(id)))));

        Home.Member memberPart = answer.await("member", member)
                .map(profile -> new Home.Member(profile.displayName(), profile.points()))
                .orElse(null);
        List<Home.BestBook> bestBooksPart = answer.await("bestBooks", bestBooks)
                .map(ranked -> ranked.stream().map(HomeScreen::bestBook).toList())
                .orElse(null);
        Home.Card cardView = cardPart.map(c -> new Home.Card(c.status(), c.loansLeft(), c.outstandingFees(),
                c.loans().stream().map(loan -> loan(loan, titleOf(loan.bookId(), titleCalls, answer))).toList()))
                .orElse(null);
        return new Home(memberPart, cardView, bestBooksPart, answer.unavailable());
    }

    private static String titleOf(long bookId, Map<Long, Future<BookApi.Book>> titleCalls, PartialAnswer answer) {
        return answer.await("titles", titleCalls.get(bookId)).map(BookApi.Book::title).orElse(null);
    }

    private static Home.Loan loan(RentalApi.Loan loan, String title) {
        return new Home.Loan(loan.rentalId(), loan.bookId(), title, loan.dueAt(), loan.overdue());
    }

    private static Home.BestBook bestBook(RankingApi.RankedBook ranked) {
        return new Home.BestBook(ranked.rank(), ranked.bookId(), ranked.title(), ranked.rentals());
    }
}
