package dev.bookrental.rental.remote;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The book service's public catalog, called synchronously where rental needs an answer now. An
 * HTTP interface client of the group {@code book}: base URL {@code lb://book} (Eureka + Spring Cloud
 * LoadBalancer), connect and read timeouts in config/rental.yml.
 */
@HttpExchange("/api/books")
public interface BookCatalog {

    /** @throws org.springframework.web.client.HttpClientErrorException.NotFound for an unknown id */
    @GetExchange("/{id}")
    BookSummary book(@PathVariable long id);

    @GetExchange("/{id}/copies")
    List<CopySummary> copies(@PathVariable long id);

    /** The fields rental reads of a book; others in book's answer are ignored. */
    record BookSummary(long id, String title) {
    }

    record CopySummary(long id, String status) {

        public boolean available() {
            return "AVAILABLE".equals(status);
        }
    }
}
