package dev.bookrental.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class ConcurrencyLimitedPasswordEncoderTests {

    /** A stand-in hash that takes a while and records where and how many ran at once. */
    private static final class SlowHash implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public String encode(CharSequence rawPassword) {
            threads.add(Thread.currentThread());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return "hash:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encode(rawPassword).equals(encodedPassword);
        }
    }

    @Test
    void hashesOnItsOwnPlatformThreadsAtMostThatManyAtOnce() throws Exception {
        SlowHash slow = new SlowHash();
        PasswordEncoder encoder = new ConcurrencyLimitedPasswordEncoder(slow, 2);

        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> hashes = IntStream.range(0, 20).mapToObj(i -> requests.submit(() -> encoder.encode("pw" + i))).toList();
            for (int i = 0; i < hashes.size(); i++) {
                assertThat(hashes.get(i).get()).isEqualTo("hash:pw" + i);
            }
        }

        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
        assertThat(slow.threads).hasSize(2).allSatisfy(thread -> {
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).startsWith("password-hashing-");
        });
        assertThat(encoder.matches("pw", "hash:pw")).isTrue();
        assertThat(encoder.matches("pw", "hash:other")).isFalse();
    }
}
