package dev.bookrental.auth.registration;

import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.bookrental.auth.account.Account;
import dev.bookrental.auth.account.AccountRepository;
import dev.bookrental.auth.api.AuthEvent.AccountRegistered;
import dev.bookrental.auth.api.AuthTopics;
import dev.bookrental.platform.messaging.Outbox;

/**
 * Opening an account (transactional outbox): the account and its {@link AccountRegistered} fact
 * commit together, so member creates the profile of every account and of no other.
 */
@Service
class Registrations {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    Registrations(AccountRepository accounts, PasswordEncoder passwords, Outbox outbox, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Registers a member.
     *
     * @param request a request that passed validation
     * @throws UsernameTakenException when the username is taken; nothing is stored then
     */
    Account register(RegisterRequest request) {
        // Hashing is slow on purpose: done before the transaction, so it holds no connection meanwhile.
        String passwordHash = passwords.encode(request.password());
        return transactions.execute(status -> {
            Account account = accounts.insert(request.username(), passwordHash, request.displayName(), List.of(Account.MEMBER))
                    .orElseThrow(() -> new UsernameTakenException(request.username()));
            String accountId = account.id().toString();
            outbox.enqueue(AuthTopics.EVENTS, accountId,
                    new AccountRegistered(accountId, account.username(), account.displayName()));
            return account;
        });
    }
}
