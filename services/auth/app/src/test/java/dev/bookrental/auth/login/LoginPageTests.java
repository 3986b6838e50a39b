package dev.bookrental.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.bookrental.auth.AuthServiceTest;

class LoginPageTests extends AuthServiceTest {

    @Test
    void showsAFormWithItsCsrfToken() {
        assertThat(mvc.get().uri("/login")).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
                .bodyText()
                .contains("<form method=\"post\" action=\"/login\">", "name=\"username\"", "name=\"password\"")
                .containsPattern("name=\"_csrf\" value=\"[^\"]+\"")
                .doesNotContain("Wrong username or password");
    }

    @Test
    void saysWhenTheLastAttemptFailed() {
        assertThat(mvc.get().uri("/login").param("error", "")).hasStatusOk().bodyText().contains("Wrong username or password.");
    }
}
