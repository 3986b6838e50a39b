package dev.bookrental.bff.mobile.home;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads composed answers make their calls on: a virtual thread per call, so waiting on
 * several services at once costs no pooled platform thread. Each call carries the request's
 * context (trace id and span), so the calls show up in the request's trace.
 */
@Configuration(proxyBeanMethods = false)
class CompositionExecutor {

    @Bean(destroyMethod = "close")
    ExecutorService compositionCalls() {
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        return ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(), snapshots::captureAll);
    }
}
