package dev.bookrental.auth.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most {@code permits} hashes run at once; the others wait their turn. A memory-hard hash
 * takes its memory for as long as it runs, and requests run on virtual threads without a pool
 * limit, so without this bound a burst of logins would allocate 16 MiB each at the same time.
 * Hashing is CPU-bound, so more of them at once than there are cores would not finish sooner.
 */
final class ConcurrencyLimitedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    ConcurrencyLimitedPasswordEncoder(PasswordEncoder delegate, int permits) {
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return limited(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return limited(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T limited(Supplier<T> hashing) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to hash a password", e);
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }
}
