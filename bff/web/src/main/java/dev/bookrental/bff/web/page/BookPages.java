package dev.bookrental.bff.web.page;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.bookrental.bff.web.book.BookDetail;
import dev.bookrental.bff.web.book.BookDetails;

/**
 * One book's page, built from the book detail's API composition ({@link BookDetails}, called
 * in-process): the title and its details, how many copies are on the shelf, its place among the
 * best books, and for a signed-in member whether they may rent it now (and why not), with the
 * button to rent it; a librarian is told that only members rent books (the part is NOT_APPLICABLE,
 * nothing is missing). A part whose service failed or was late is marked on the page as not known
 * right now, and the page names what is missing; the rest is shown as usual.
 */
@Controller
class BookPages {

    private final BookDetails bookDetails;

    BookPages(BookDetails bookDetails) {
        this.bookDetails = bookDetails;
    }

    @GetMapping("/bff/web/books/{id}")
    String book(@PathVariable long id, Model model) {
        BookDetail detail = bookDetails.of(id);
        model.addAttribute("detail", detail);
        model.addAttribute("title", detail.book() == null ? "Book #" + id : detail.book().title());
        model.addAttribute("missing", missing(detail.parts()));
        return "book";
    }

    /** The parts left out because their service failed or did not answer in time. */
    private static List<String> missing(Map<String, BookDetail.Part> parts) {
        return parts.entrySet().stream()
                .filter(part -> part.getValue().status() == BookDetail.Status.UNAVAILABLE)
                .map(Map.Entry::getKey)
                .toList();
    }
}
