package dev.bookrental.auth.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A librarian to sign in with on a laptop: username {@code librarian}, password
 * {@code librarian-local-only}, role LIBRARIAN. Created at start when missing, only where
 * {@code bookrental.auth.local-librarian.enabled=true} (config/auth.yml, for local runs). A real
 * deployment leaves it off and creates its librarians by other means. It is not announced as
 * registered, so it has no member profile: a librarian manages the catalog and does not rent.
 */
@Component
@ConditionalOnBooleanProperty("bookrental.auth.local-librarian.enabled")
class LocalLibrarian implements ApplicationRunner {

    static final String USERNAME = "librarian";
    static final String PASSWORD = "librarian-local-only";

    private static final Logger log = LoggerFactory.getLogger(LocalLibrarian.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;

    LocalLibrarian(AccountRepository accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername(USERNAME).isEmpty()) {
            accounts.insert(USERNAME, passwords.encode(PASSWORD), "Local Librarian", List.of(Account.LIBRARIAN))
                    .ifPresent(librarian -> log.warn("Created the local librarian account '{}' (id {}); "
                            + "its password is public: local use only", USERNAME, librarian.id()));
        }
    }
}
