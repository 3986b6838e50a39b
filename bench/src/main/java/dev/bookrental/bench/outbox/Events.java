package dev.bookrental.bench.outbox;

import java.util.List;
import java.util.stream.IntStream;

import dev.bookrental.book.api.BookEvent.BookAdded;

/** The events both ways send: the book service's {@code BookAdded}, one per new book, with catalog-like fields. */
final class Events {

    private static final List<String> TITLES = List.of("The Left Hand of Darkness", "A Wizard of Earthsea",
            "The Dispossessed", "Kindred", "The Master and Margarita", "Things Fall Apart", "Pedro Páramo");
    private static final List<List<String>> AUTHORS = List.of(List.of("Ursula K. Le Guin"), List.of("Octavia E. Butler"),
            List.of("Mikhail Bulgakov", "Michael Glenny"), List.of("Chinua Achebe"), List.of("Juan Rulfo", "Margaret Sayers Peden"));
    private static final List<String> PUBLISHERS = List.of("Ace Books", "Parnassus Press", "Harper & Row", "Doubleday",
            "Heinemann", "Grove Press");

    private Events() {
    }

    /** {@code count} distinct events, book ids 1..count, the same on every call. */
    static List<BookAdded> bookAdded(int count) {
        return IntStream.range(0, count).mapToObj(Events::event).toList();
    }

    private static BookAdded event(int index) {
        long bookId = index + 1L;
        return new BookAdded(bookId, "978%010d".formatted(bookId), TITLES.get(index % TITLES.size()) + ", edition " + (index / TITLES.size() + 1),
                AUTHORS.get(index % AUTHORS.size()), PUBLISHERS.get(index % PUBLISHERS.size()), 1950 + index % 75);
    }
}
