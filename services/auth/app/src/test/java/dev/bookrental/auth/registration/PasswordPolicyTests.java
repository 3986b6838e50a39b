package dev.bookrental.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsALongPassphraseOfItsOwn() {
        assertThat(PasswordPolicy.weakness("ada", "correct horse battery staple")).isEmpty();
    }

    @Test
    void rejectsAPasswordThatContainsTheUsernameInAnyCase() {
        assertThat(PasswordPolicy.weakness("ada", "my name is ADA, hi")).contains("must not contain the username");
    }

    @Test
    void rejectsACommonPasswordInAnyCase() {
        assertThat(PasswordPolicy.weakness("ada", "QWERTY123456")).contains("is one of the most common passwords");
    }

    @Test
    void rejectsAPasswordOfFewerThanSixDifferentCharacters() {
        assertThat(PasswordPolicy.weakness("ada", "xyzzyxyzzyxyzzy")).contains("must have at least 6 different characters");
        assertThat(PasswordPolicy.weakness("ada", "AAaa11!!Bbbb")).as("case aside, a 1 ! b: four").isPresent();
        assertThat(PasswordPolicy.weakness("ada", "Aa1!Aa1!Bb2@")).as("case aside, a 1 ! b 2 @: six").isEmpty();
    }

    @Test
    void leavesAPasswordOfTheWrongLengthToTheLengthCheck() {
        assertThat(PasswordPolicy.weakness("ada", "ada")).isEmpty();
        assertThat(PasswordPolicy.weakness("ada", null)).isEmpty();
    }
}
