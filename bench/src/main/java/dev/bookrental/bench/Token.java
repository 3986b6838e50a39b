package dev.bookrental.bench;

/**
 * Whether wrk's requests carry an access token. {@link #NONE}: the public reads as issue 2 measured
 * them. {@link #MEMBER}: each request carries a valid member's token ({@code Authorization: Bearer}),
 * which the gateway and book then validate (RS256 signature, issuer, audience, expiry), even on
 * these public paths: a resource server checks a token that is presented whatever the path's rule.
 * Through the gateway the token also moves the request's rate limit from the client address alone
 * to the address and the user (two token buckets in Redis instead of one).
 */
enum Token {
    NONE(""),
    MEMBER(" with JWT");

    private final String suffix;

    Token(String suffix) {
        this.suffix = suffix;
    }

    /** What the report adds to a backend's name: nothing without a token. */
    String label(Backend backend) {
        return backend.name() + suffix;
    }
}
