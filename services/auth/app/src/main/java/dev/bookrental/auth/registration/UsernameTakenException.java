package dev.bookrental.auth.registration;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.bookrental.platform.web.ProblemException;

/** Someone has this username already (in any case): a 409 problem. */
class UsernameTakenException extends ProblemException {

    UsernameTakenException(String username) {
        super(HttpStatus.CONFLICT, "username-taken", "Username taken",
                "The username '" + username + "' is taken; choose another.", Map.of("username", username));
    }
}
