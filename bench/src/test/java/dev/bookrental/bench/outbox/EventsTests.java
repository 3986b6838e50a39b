package dev.bookrental.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bookrental.book.api.BookEvent.BookAdded;

class EventsTests {

    @Test
    void everyEventIsAboutANewBookAndEveryRunSendsTheSameOnes() {
        List<BookAdded> events = Events.bookAdded(1_000);

        assertThat(events).extracting(BookAdded::bookId).doesNotHaveDuplicates().startsWith(1L).endsWith(1_000L);
        assertThat(events).isEqualTo(Events.bookAdded(1_000));
        assertThat(events.getFirst().isbn()).hasSize(13);
        assertThat(events).allSatisfy(event -> assertThat(event.authors()).isNotEmpty());
        assertThat(Sender.key(events.get(41))).isEqualTo("42");
    }
}
