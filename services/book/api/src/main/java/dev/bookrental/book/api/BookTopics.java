package dev.bookrental.book.api;

/** Kafka topics owned by the book service. */
public final class BookTopics {

    /** Facts about the catalog and its copies ({@link BookEvent}). */
    public static final String EVENTS = "book.events";

    private BookTopics() {
    }
}
