package dev.bookrental.bff.web.page;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's rentals: asking to rent a book, following the rent saga from PENDING to RENTED or
 * REJECTED (the page asks again by itself until the saga has ended), the books out with their due
 * dates, and returning one. The card comes from rental (its own event-sourced state, so a rent just
 * accepted is on it at once); the titles from book.
 */
@Controller
class RentalPages {

    private static final Logger log = LoggerFactory.getLogger(RentalPages.class);

    private final LibraryApi library;

    RentalPages(LibraryApi library) {
        this.library = library;
    }

    /** Rent: rental accepts the request (202) and the saga runs; the rental's page shows how it ends. */
    @PostMapping("/bff/web/books/{bookId}/rent")
    String rent(@PathVariable long bookId, RedirectAttributes redirect) {
        try {
            LibraryApi.Rental rental = library.rent(new LibraryApi.RentRequest(bookId));
            return "redirect:/bff/web/rentals/" + rental.rentalId();
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                throw refused;
            }
            // The card's rules refuse (409 rent-not-allowed) or a service cannot answer: say so on the book's page.
            redirect.addFlashAttribute("error", Problem.of(refused).message());
            return "redirect:/bff/web/books/" + bookId;
        }
    }

    @GetMapping("/bff/web/rentals/{rentalId}")
    String rental(@PathVariable UUID rentalId, Model model) {
        LibraryApi.Rental rental = library.rental(rentalId);
        model.addAttribute("rental", rental);
        model.addAttribute("title", title(rental.bookId()));
        model.addAttribute("due", Moment.of(rental.dueAt()));
        return "rental";
    }

    @GetMapping("/bff/web/rentals")
    String myRentals(Model model) {
        LibraryApi.RentalCard card = library.rentalCard();
        model.addAttribute("card", card);
        model.addAttribute("loans", card.loans().stream()
                .map(loan -> new Loan(loan.rentalId(), loan.bookId(), title(loan.bookId()), Moment.of(loan.dueAt()), loan.overdue()))
                .toList());
        model.addAttribute("pending", card.pending().stream()
                .map(rent -> new Pending(rent.rentalId(), rent.bookId(), title(rent.bookId())))
                .toList());
        return "rentals";
    }

    @PostMapping("/bff/web/rentals/{rentalId}/return")
    String returnBook(@PathVariable UUID rentalId, RedirectAttributes redirect) {
        try {
            LibraryApi.Rental returned = library.returnBook(rentalId);
            redirect.addFlashAttribute("notice", "You returned “" + title(returned.bookId()) + "”. Thank you!");
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                throw refused;
            }
            redirect.addFlashAttribute("error", Problem.of(refused).message());
        }
        return "redirect:/bff/web/rentals";
    }

    /** The book's title; its number when book cannot tell (the page must not fail for a title). */
    private String title(long bookId) {
        try {
            return library.book(bookId).title();
        } catch (HttpClientErrorException.Unauthorized e) {
            throw e;
        } catch (RestClientException e) {
            log.warn("No title of book {} for a rentals page: {}", bookId, e.toString());
            return "Book #" + bookId;
        }
    }

    record Loan(String rentalId, long bookId, String title, Moment due, boolean overdue) {
    }

    record Pending(String rentalId, long bookId, String title) {
    }
}
