package dev.bookrental.bench;

import java.time.Duration;
import java.util.List;

/** How one route's warm-up (with or without a token) went: how long, the compilations of each round, and whether the JIT came to rest. */
record Warmed(Backend backend, Route route, Token token, Duration took, List<Long> compilationsPerRound, boolean jitDone) {

    String label() {
        return token.label(backend);
    }
}
