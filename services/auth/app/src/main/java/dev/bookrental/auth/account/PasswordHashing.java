package dev.bookrental.auth.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id (memory-hard, OWASP's first choice) with Spring Security's current
 * defaults (16 MiB, 2 iterations, parallelism 1), behind the delegating encoder, so a stored hash
 * names its algorithm ({@code {argon2@SpringSecurity_v5_8}...}) and can be upgraded later.
 *
 * <p>Why not bcrypt: it reads only the first 72 bytes of a password, and Spring Security refuses to
 * hash longer ones, while Bookrental accepts passwords of up to 128 characters. Argon2 has no limit.
 * The price of memory-hardness is 16 MiB per hash in progress; {@link ConcurrencyLimitedPasswordEncoder}
 * bounds how many run at once, so a burst of logins cannot exhaust a small heap. The same encoder
 * hashes the OAuth client secrets.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    @Bean
    PasswordEncoder passwordEncoder() {
        PasswordEncoder delegating = new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        return new ConcurrencyLimitedPasswordEncoder(delegating, Runtime.getRuntime().availableProcessors());
    }
}
