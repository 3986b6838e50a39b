package dev.bookrental.bff.web.book;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The clients of a book detail's sources and the threads its calls run on.
 *
 * <p>One HTTP service group per service behind the gateway ({@value #BOOK}, {@value #RENTAL_QUERY},
 * {@value #RENTAL}: base URL and timeouts in config/bff-web.yml), though all go to the gateway: each
 * group gets its own circuit breaker and bulkhead (platform/resilience names them after the group),
 * so book down opens book's breaker only, and the rank and eligibility still come. One group for
 * all four sources had one breaker for them all: book's failures cut off the rank too, and a busy
 * moment filled one bulkhead for everything (readside benchmark, 2026-11-26). None of these groups
 * adds the session's token: the public reads go without one, and the eligibility call gets the
 * caller's token explicitly.
 *
 * <p>A virtual thread per call, so waiting on four sources at once holds no pooled thread, each
 * carrying the request's trace context so the calls appear in the request's trace.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = BookDetailCalls.BOOK, types = BookSource.class)
@ImportHttpServices(group = BookDetailCalls.RENTAL_QUERY, types = RankSource.class)
@ImportHttpServices(group = BookDetailCalls.RENTAL, types = EligibilitySource.class)
class BookDetailCalls {

    static final String BOOK = "book";
    static final String RENTAL_QUERY = "rental-query";
    static final String RENTAL = "rental";

    @Bean(destroyMethod = "close")
    ExecutorService bookDetailExecutor() {
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        return ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(), snapshots::captureAll);
    }
}
