package dev.bookrental.bench;

import java.util.List;
import java.util.stream.Stream;

/** Which service wrk calls: book itself, or the gateway in front of it. */
enum Route {
    DIRECT("book"),
    GATEWAY("gateway", "book");

    private final String service;
    private final List<String> services;

    Route(String service, String... behind) {
        this.service = service;
        this.services = Stream.concat(Stream.of(service), Stream.of(behind)).toList();
    }

    /** The service the requests are sent to. */
    String service() {
        return service;
    }

    /** Every service a request of this route goes through. */
    List<String> services() {
        return services;
    }

    String label() {
        return name().toLowerCase();
    }
}
