package dev.bookrental.bff.web.book;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param callTimeout how long the book detail waits for each of its sources; they are all asked at
 *                    once, so this is also about the longest the whole answer takes. A source that
 *                    has not answered by then is marked UNAVAILABLE in the answer.
 */
@ConfigurationProperties("bookrental.bff-web.book-detail")
public record BookDetailProperties(@DefaultValue("1500ms") Duration callTimeout) {
}
