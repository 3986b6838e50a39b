package dev.bookrental.bff.web.page;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The librarian's pages (role LIBRARIAN, see {@code WebSecurity}): add a title with its first
 * copies, and add copies to a title from its page. Book checks the input (ISBN check digit, lengths,
 * an ISBN already in the catalog) and the role again; its complaints are shown next to the fields.
 */
@Controller
class LibrarianPages {

    static final String NEW_BOOK = "/bff/web/librarian/books/new";
    /** Book adds at most 50 copies in one request. */
    static final int MAX_COPIES = 50;
    private static final Set<String> FIELDS = Set.of("isbn", "title", "authors", "publisher", "publishedYear");

    private final LibraryApi library;

    LibrarianPages(LibraryApi library) {
        this.library = library;
    }

    @GetMapping(NEW_BOOK)
    String newBook(@ModelAttribute("form") NewBookForm form) {
        return "new-book";
    }

    @PostMapping(NEW_BOOK)
    ModelAndView addBook(@ModelAttribute("form") NewBookForm form, BindingResult binding, RedirectAttributes redirect) {
        if (form.copies() != null && (form.copies() < 0 || form.copies() > MAX_COPIES)) {
            binding.rejectValue("copies", "range", "Between 0 and " + MAX_COPIES + " copies at once.");
        }
        if (binding.hasErrors()) {
            return new ModelAndView("new-book", HttpStatus.BAD_REQUEST);
        }
        LibraryApi.Book book;
        try {
            book = library.addBook(new LibraryApi.NewBook(blankToNull(form.isbn()), blankToNull(form.title()), form.authorList(),
                    blankToNull(form.publisher()), form.publishedYear()));
        } catch (RestClientResponseException refused) {
            return showAgain(refused, binding);
        }
        int copies = form.copies() == null ? 0 : form.copies();
        if (copies > 0) {
            try {
                library.addCopies(book.id(), new LibraryApi.CopiesRequest(copies));
            } catch (RestClientResponseException refused) {
                redirect.addFlashAttribute("error", "The book was added, but its copies were not: " + Problem.of(refused).message());
                return new ModelAndView("redirect:/bff/web/books/" + book.id());
            }
        }
        redirect.addFlashAttribute("notice", "Added “" + book.title() + "” with " + copies + (copies == 1 ? " copy." : " copies."));
        return new ModelAndView("redirect:/bff/web/books/" + book.id());
    }

    @PostMapping("/bff/web/librarian/books/{id}/copies")
    String addCopies(@PathVariable long id, @ModelAttribute("count") Integer count, RedirectAttributes redirect) {
        try {
            List<LibraryApi.Copy> added = library.addCopies(id, new LibraryApi.CopiesRequest(count == null ? 1 : count));
            redirect.addFlashAttribute("notice", "Added " + added.size() + (added.size() == 1 ? " copy." : " copies."));
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                throw refused;
            }
            redirect.addFlashAttribute("error", Problem.of(refused).message());
        }
        return "redirect:/bff/web/books/" + id;
    }

    /** The form again with book's complaints: each next to its field, the rest above the form. */
    private static ModelAndView showAgain(RestClientResponseException refused, BindingResult binding) {
        if (refused.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
            throw refused;
        }
        Problem problem = Problem.of(refused);
        Map<String, String> fields = problem.fieldErrors();
        fields.forEach((field, message) -> {
            String formField = field.startsWith("authors") ? "authors" : field; // authors[0] is the first line
            if (FIELDS.contains(formField)) {
                binding.rejectValue(formField, "refused", message);
            } else {
                binding.reject("refused", field + " " + message);
            }
        });
        if (problem.is("isbn-already-in-catalog")) {
            binding.rejectValue("isbn", "taken", problem.message());
        } else if (fields.isEmpty()) {
            binding.reject("refused", problem.message());
        }
        return new ModelAndView("new-book", HttpStatus.valueOf(problem.status()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * @param authors one author per line (or separated by semicolons)
     * @param copies  how many copies to add at once; none: the title only
     */
    record NewBookForm(String isbn, String title, String authors, String publisher, Integer publishedYear, Integer copies) {

        List<String> authorList() {
            return authors == null ? List.of() : Arrays.stream(authors.split("[\\n;]")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        }
    }
}
