package dev.bookrental.auth.registration;

import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What someone sends to open an account. Unknown fields are rejected (400). The username is taken
 * in lower case ("Ada" registers "ada"); the display name without surrounding blanks; the password
 * exactly as typed.
 */
@StrongPassword
public record RegisterRequest(
        @NotNull
        @Pattern(regexp = "[a-z0-9._-]{3,32}", message = "must be 3 to 32 characters of a-z, 0-9, '.', '_' and '-'")
        String username,
        @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
        // No control, format or unassigned characters (\p{C}): nothing invisible, no bidi overrides.
        @NotNull @Pattern(regexp = "\\P{C}{1,64}", message = "must be 1 to 64 printable characters") String displayName) {

    public RegisterRequest {
        username = username == null ? null : username.toLowerCase(Locale.ROOT);
        displayName = displayName == null ? null : displayName.strip();
    }
}
