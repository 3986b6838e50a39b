package dev.bookrental.rental.card;

import org.springframework.stereotype.Service;

import dev.bookrental.rental.eventstore.EventStore;

/** Loads rental cards from the event store. */
@Service
public class RentalCards {

    private final EventStore events;

    public RentalCards(EventStore events) {
        this.events = events;
    }

    public RentalCard of(String memberId) {
        return RentalCard.replay(memberId, events.load(RentalCard.streamOf(memberId), 0));
    }
}
