package dev.bookrental.auth.account;

import java.util.UUID;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The accounts as Spring Security sees them at login. The principal's name is the account id, not
 * the username typed: Spring Authorization Server makes the principal's name the {@code sub} of the
 * tokens and keys authorizations and consents by it, so the subject is the member id everywhere,
 * by construction, and stays the same should usernames ever become changeable.
 *
 * <p>It also upgrades a password hash at the next successful login when the hashing settings
 * change (the delegating encoder says when a stored hash is outdated).
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
        return User.withUsername(account.id().toString())
                .password(account.passwordHash())
                .roles(account.roles().toArray(String[]::new))
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        accounts.updatePasswordHash(UUID.fromString(user.getUsername()), newPasswordHash);
        return User.withUserDetails(user).password(newPasswordHash).build();
    }
}
