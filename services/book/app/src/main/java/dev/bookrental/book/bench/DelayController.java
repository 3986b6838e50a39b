package dev.bookrental.book.bench;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A backend with a fixed delay, for the gateway benchmark only (profile {@code bench}): it stands
 * for a service whose work takes a known time, so the benchmark isolates the gateway's own cost.
 */
@RestController
@Profile("bench")
class DelayController {

    record Delayed(long delayMs) {
    }

    @GetMapping("/api/bench/delay")
    Delayed delay(@RequestParam(defaultValue = "20") @Min(0) @Max(1000) long ms) throws InterruptedException {
        Thread.sleep(Duration.ofMillis(ms)); // a virtual thread: sleeping costs no platform thread
        return new Delayed(ms);
    }
}
