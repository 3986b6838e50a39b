package dev.bookrental.bench.outbox;

import dev.bookrental.book.api.BookEvent.BookAdded;

/** One of the two ways a service announces a state change that the benchmark compares. */
interface Sender {

    /** "plain" or "outbox", as the report names the way. */
    String way();

    /**
     * Sends one event; tells the tally its message id and creation time before the consumer can
     * see it, and any failure that happens after this method returned.
     */
    void send(BookAdded event, long createdNanos, RoundTally tally);

    /** Sends at once whatever the producer still buffers; called after the last message of a round. */
    void flush();

    /** The Kafka key of an event, as the book service sends it: the aggregate's id. */
    static String key(BookAdded event) {
        return Long.toString(event.bookId());
    }
}
