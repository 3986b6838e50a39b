package dev.bookrental.bff.web.page;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * The public pages: the home page (search box and the five best books), catalog search a page at a
 * time, and the best-book ranking of the read side. Anyone may see them; a signed-in person's calls
 * carry their token, a stranger's none.
 */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 10;
    static final int HOME_RANKING = 5;
    static final int RANKING = 20;
    /** Longer searches are cut: book refuses a q of more than 200 characters. */
    private static final int MAX_QUERY = 200;

    private static final Logger log = LoggerFactory.getLogger(CatalogPages.class);

    private final LibraryApi library;

    CatalogPages(LibraryApi library) {
        this.library = library;
    }

    @GetMapping("/bff/web")
    String withSlash() {
        // The pages' links are relative to /bff/web/.
        return "redirect:/bff/web/";
    }

    @GetMapping("/bff/web/")
    String home(@RequestParam(required = false) String signin, Model model) {
        model.addAttribute("signInFailed", "failed".equals(signin));
        model.addAttribute("ranking", ranking(HOME_RANKING));
        return "home";
    }

    @GetMapping("/bff/web/books")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        model.addAttribute("q", query);
        model.addAttribute("results", library.searchBooks(query, Math.max(0, page), PAGE_SIZE));
        return "books";
    }

    @GetMapping("/bff/web/best-books")
    String bestBooks(Model model) {
        model.addAttribute("ranking", ranking(RANKING));
        return "best-books";
    }

    /** The ranking, or null when the read side cannot answer: the page says so and the rest still works. */
    private List<LibraryApi.RankedBook> ranking(int limit) {
        try {
            return library.bestBooks(limit);
        } catch (HttpClientErrorException.Unauthorized e) {
            throw e; // the session's token was refused: sign in again (PageSupport)
        } catch (RestClientException e) {
            log.warn("No best-book ranking for the page: {}", e.toString());
            return null;
        }
    }
}
