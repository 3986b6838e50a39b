package dev.bookrental.bench;

/**
 * Whether a service validates a token presented on an open path, where a request without one is
 * let in: before the rows with a token, the member's token with its signature broken is sent
 * there once. A resource server that validates every presented token refuses it (401); one that
 * ignores tokens on open paths answers it (200), and then the rows with a token measure no
 * validation in it.
 *
 * @param service the service that answers {@code url} itself (the gateway on its own actuator, book directly)
 */
record TokenCheck(String service, String url, int forgedTokenStatus) {

    boolean validates() {
        return forgedTokenStatus == 401;
    }
}
