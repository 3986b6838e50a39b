package dev.bookrental.auth.registration;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.bookrental.auth.account.Account;

/**
 * {@code POST /auth/register}: anyone may open a member account. Bad input is a 400 problem naming
 * each field, a taken username a 409; neither stores anything. The member profile follows shortly
 * after (member consumes the AccountRegistered event).
 */
@RestController
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredAccount register(@Valid @RequestBody RegisterRequest request) {
        Account account = registrations.register(request);
        return new RegisteredAccount(account.id().toString(), account.username(), account.displayName());
    }

    /** The new account: its id is the {@code sub} of its tokens and its member id. */
    record RegisteredAccount(String id, String username, String displayName) {
    }
}
