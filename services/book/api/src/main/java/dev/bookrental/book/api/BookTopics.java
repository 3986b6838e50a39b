package dev.bookrental.book.api;

/** Kafka topics owned by the book service. */
public final class BookTopics {

    /** Facts about the catalog and its copies ({@link BookEvent}). */
    public static final String EVENTS = "book.events";

    /** Commands of the rent saga to book ({@link BookCommand}), keyed by rental id. */
    public static final String COMMANDS = "book.commands";

    private BookTopics() {
    }
}
