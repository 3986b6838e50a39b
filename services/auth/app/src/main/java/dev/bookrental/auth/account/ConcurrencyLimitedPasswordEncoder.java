package dev.bookrental.auth.account;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes on a few platform threads of its own ({@code threads}, one per core), never on the
 * request's virtual thread; the others wait their turn in a queue.
 *
 * <p>Two reasons. A memory-hard hash takes its memory (16 MiB) for as long as it runs, and requests
 * run on virtual threads without a pool limit, so without a bound a burst of logins would allocate
 * that much each at the same time. And hashing is CPU-bound for 60–200 ms: run on a virtual thread
 * it holds one of the few carrier threads (one per core) the whole time, so the virtual threads of
 * every other request — one holding a database connection, say — cannot run meanwhile. Seen in the
 * system tests: fifty sign-ins at once starved the connection pool and requests waited 30 s for a
 * connection. Waiting here for a hash unmounts the virtual thread and leaves the carriers free.
 */
final class ConcurrencyLimitedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    ConcurrencyLimitedPasswordEncoder(PasswordEncoder delegate, int threads) {
        this.delegate = delegate;
        this.hashing = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hashing-", 1).daemon().factory());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return onHashingThread(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return onHashingThread(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T onHashingThread(Supplier<T> hash) {
        Future<T> result = hashing.submit(hash::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a password hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
