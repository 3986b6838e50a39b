package dev.bookrental.book.catalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.book.api.BookEvent.BookAdded;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.platform.messaging.Outbox;

/** Changes to the catalog: each change and the fact it publishes commit together (outbox). */
@Service
class CatalogService {

    private final CatalogRepository repository;
    private final Outbox outbox;

    CatalogService(CatalogRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @Transactional
    Book add(AddBookRequest request) {
        Isbn isbn = Isbn.parse(request.isbn());
        Book book = repository.insert(isbn, request).orElseThrow(() -> new IsbnAlreadyInCatalogException(isbn));
        outbox.enqueue(BookTopics.EVENTS, Long.toString(book.id()), new BookAdded(book.id(), book.isbn(), book.title(),
                book.authors(), book.publisher(), book.publishedYear()));
        return book;
    }
}
