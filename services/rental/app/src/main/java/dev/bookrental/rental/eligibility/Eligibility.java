package dev.bookrental.rental.eligibility;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.bookrental.rental.card.RentalCard;
import dev.bookrental.rental.card.RentalCards;
import dev.bookrental.rental.card.RentalProperties;
import dev.bookrental.rental.remote.BookCatalog;
import dev.bookrental.rental.remote.MemberAccounts;
import dev.bookrental.rental.remote.RemoteCalls;
import dev.bookrental.rental.remote.UnknownBookException;

/**
 * "Can I rent this book now?": the card's own rules, plus two answers rental needs now from the
 * services that own them — whether a copy is available (book) and whether the member has the
 * points (member). Synchronous on purpose: the answer is only worth something if it is current.
 * The rent saga (issue 4) decides for real; this check can only be a forecast.
 */
@Service
public class Eligibility {

    private final RentalCards cards;
    private final BookCatalog catalog;
    private final MemberAccounts members;
    private final RentalProperties rules;

    public Eligibility(RentalCards cards, BookCatalog catalog, MemberAccounts members, RentalProperties rules) {
        this.cards = cards;
        this.catalog = catalog;
        this.members = members;
        this.rules = rules;
    }

    public Verdict check(String memberId, long bookId) {
        RentalCard card = cards.of(memberId);
        BookCatalog.BookSummary book = RemoteCalls.requireBook(catalog, bookId);
        List<Reason> reasons = new ArrayList<>();
        if (card.status() == RentalCard.CardStatus.SUSPENDED) {
            reasons.add(Reason.CARD_SUSPENDED);
        }
        if (card.loansLeft(rules.cardRules()) == 0) {
            reasons.add(Reason.LOAN_LIMIT_REACHED);
        }
        if (card.loans().stream().anyMatch(loan -> loan.bookId() == bookId)
                || card.pending().stream().anyMatch(rent -> rent.bookId() == bookId)) {
            reasons.add(Reason.ALREADY_RENTED);
        }
        if (RemoteCalls.call("book", () -> catalog.copies(bookId), () -> new UnknownBookException(bookId)).stream()
                .noneMatch(BookCatalog.CopySummary::available)) {
            reasons.add(Reason.NO_COPY_AVAILABLE);
        }
        // On the member's own token (relayed): member answers for memberId, the token's subject.
        MemberAccounts.MemberSummary member = RemoteCalls.call("member", members::me, NotAMemberException::new);
        if (member.points() < rules.rentPrice()) {
            reasons.add(Reason.INSUFFICIENT_POINTS);
        }
        return new Verdict(bookId, book.title(), reasons.isEmpty(), List.copyOf(reasons));
    }

    public enum Reason { CARD_SUSPENDED, LOAN_LIMIT_REACHED, ALREADY_RENTED, NO_COPY_AVAILABLE, INSUFFICIENT_POINTS }

    /** @param eligible true when no reason stands against renting the book now */
    public record Verdict(long bookId, String title, boolean eligible, List<Reason> reasons) {
    }
}
