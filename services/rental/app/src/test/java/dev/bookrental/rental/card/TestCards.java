package dev.bookrental.rental.card;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.messaging.Outbox;
import dev.bookrental.rental.eventstore.EventStore;

/** The cards repository wired by hand, for tests of other packages that run without Spring. */
public final class TestCards {

    private TestCards() {
    }

    public static RentalCards of(JdbcClient jdbc, JsonMapper json, Outbox outbox, RentalProperties properties) {
        return new RentalCards(new EventStore(jdbc), new CardSnapshots(jdbc, json), new CardEventCodec(json), outbox, properties);
    }
}
