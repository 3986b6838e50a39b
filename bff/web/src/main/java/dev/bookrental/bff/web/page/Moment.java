package dev.bookrental.bff.web.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A point in time as a page shows it: readable text for people and the ISO-8601 value for the
 * {@code <time datetime>} attribute (machines, assistive technology). In UTC: the server does not
 * know the reader's time zone.
 */
record Moment(String iso, String text) {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static Moment of(Instant instant) {
        return instant == null ? null : new Moment(instant.toString(), READABLE.format(instant));
    }
}
