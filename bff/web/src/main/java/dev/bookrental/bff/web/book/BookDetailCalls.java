package dev.bookrental.bff.web.book;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The client of the book detail's sources (group {@value #GROUP}: base URL and timeouts in
 * config/bff-web.yml) and the threads its calls run on: a virtual thread per call, so waiting on
 * four sources at once holds no pooled thread, each carrying the request's trace context so the
 * calls appear in the request's trace.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = BookDetailCalls.GROUP, types = BookDetailSources.class)
class BookDetailCalls {

    static final String GROUP = "book-detail";

    @Bean(destroyMethod = "close")
    ExecutorService bookDetailExecutor() {
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        return ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(), snapshots::captureAll);
    }
}
