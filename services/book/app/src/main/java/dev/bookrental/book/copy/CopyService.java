package dev.bookrental.book.copy;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.bookrental.book.api.BookEvent.CopyAdded;
import dev.bookrental.book.api.BookTopics;
import dev.bookrental.book.catalog.BookNotFoundException;
import dev.bookrental.platform.messaging.Outbox;

/** Adding copies: each copy and its {@link CopyAdded} fact commit together (outbox). */
@Service
class CopyService {

    private final CopyRepository copies;
    private final Outbox outbox;

    CopyService(CopyRepository copies, Outbox outbox) {
        this.copies = copies;
        this.outbox = outbox;
    }

    @Transactional
    List<Copy> add(long bookId, int count) {
        if (!copies.bookExists(bookId)) {
            throw new BookNotFoundException(bookId);
        }
        List<Copy> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Copy copy = copies.insertAvailable(bookId);
            outbox.enqueue(BookTopics.EVENTS, Long.toString(bookId), new CopyAdded(bookId, copy.id()));
            added.add(copy);
        }
        return added;
    }

    @Transactional(readOnly = true)
    List<Copy> of(long bookId) {
        if (!copies.bookExists(bookId)) {
            throw new BookNotFoundException(bookId);
        }
        return copies.findByBook(bookId);
    }
}
