package dev.bookrental.bff.web.page;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * One book's page: the title and its details, how many copies are on the shelf, and for a signed-in
 * member whether they may rent it now (and why not), with the button to rent it. A part that cannot
 * be had (copies, the verdict) is said to be unavailable; the page still shows the rest.
 */
@Controller
class BookPages {

    private static final Logger log = LoggerFactory.getLogger(BookPages.class);

    private final LibraryApi library;

    BookPages(LibraryApi library) {
        this.library = library;
    }

    @GetMapping("/bff/web/books/{id}")
    String book(@PathVariable long id, @ModelAttribute("viewer") Viewer viewer, Model model) {
        model.addAttribute("book", library.book(id));
        model.addAttribute("copies", copies(id));
        model.addAttribute("verdict", viewer.member() ? verdict(id) : null);
        return "book";
    }

    /** How many copies there are and how many are on the shelf; null when book cannot tell. */
    private Copies copies(long id) {
        try {
            List<LibraryApi.Copy> copies = library.copies(id);
            return new Copies(copies.size(), (int) copies.stream().filter(LibraryApi.Copy::available).count());
        } catch (HttpClientErrorException.Unauthorized e) {
            throw e;
        } catch (RestClientException e) {
            log.warn("No copies of book {} for its page: {}", id, e.toString());
            return null;
        }
    }

    /** Rental's forecast for the member; null when it cannot tell (the rent button still works). */
    private LibraryApi.Eligibility verdict(long id) {
        try {
            return library.eligibility(id);
        } catch (HttpClientErrorException.Unauthorized e) {
            throw e;
        } catch (RestClientException e) {
            log.warn("No eligibility for book {} on its page: {}", id, e.toString());
            return null;
        }
    }

    record Copies(int total, int available) {
    }
}
