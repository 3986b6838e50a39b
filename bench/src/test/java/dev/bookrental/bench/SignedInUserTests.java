package dev.bookrental.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SignedInUserTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger signIns = new AtomicInteger();
    private final SignedInUser user = new SignedInUser("ada", () -> "token-" + signIns.incrementAndGet(), now::get);

    @Test
    void keepsItsTokenUntilItIsThreeMinutesOld() {
        assertThat(user.accessToken()).isEqualTo("token-1");

        advance(SignedInUser.MAX_AGE);
        assertThat(user.bearer()).isEqualTo("Bearer token-1");

        advance(Duration.ofNanos(1));
        assertThat(user.accessToken()).isEqualTo("token-2");
        assertThat(user.accessToken()).isEqualTo("token-2");
        assertThat(signIns).hasValue(2);
    }

    @Test
    void renewsBeforeWorkThatWouldOutliveTheMaximumAge() {
        advance(Duration.ofMinutes(2));

        user.renewIfOlderAfter(Duration.ofSeconds(30));
        assertThat(user.accessToken()).as("2.5 minutes old at the end: kept").isEqualTo("token-1");

        user.renewIfOlderAfter(Duration.ofSeconds(61));
        assertThat(user.accessToken()).as("over 3 minutes old at the end: renewed now").isEqualTo("token-2");

        advance(Duration.ofSeconds(61));
        assertThat(user.accessToken()).as("the work ran on one token").isEqualTo("token-2");
    }

    @Test
    void signsInAgainOnRequest() {
        user.signInAgain();

        assertThat(user.accessToken()).isEqualTo("token-2");
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
