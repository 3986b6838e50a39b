package dev.bookrental.bench;

/** One measured wrk run: which backend, by which route, with which token, what wrk saw and what the CPU did meanwhile. */
record Measurement(Backend backend, Route route, Token token, WrkResult result, CpuUse cpu) {

    /** The backend as the report names it: with " with JWT" when the requests carried a token. */
    String label() {
        return token.label(backend);
    }
}
