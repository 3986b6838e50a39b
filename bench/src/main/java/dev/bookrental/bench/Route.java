package dev.bookrental.bench;

/** Which service wrk calls: book itself, or the gateway in front of it. */
enum Route {
    DIRECT("book"),
    GATEWAY("gateway");

    private final String service;

    Route(String service) {
        this.service = service;
    }

    String service() {
        return service;
    }

    String label() {
        return name().toLowerCase();
    }
}
