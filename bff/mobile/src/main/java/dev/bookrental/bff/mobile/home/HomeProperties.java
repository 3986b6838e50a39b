package dev.bookrental.bff.mobile.home;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadline  how long the home screen waits for its sources, all together: then it answers
 *                  with what arrived
 * @param bestBooks how many of the best books the home screen shows
 */
@ConfigurationProperties("bookrental.bff-mobile.home")
public record HomeProperties(@DefaultValue("1500ms") Duration deadline, @DefaultValue("5") int bestBooks) {
}
