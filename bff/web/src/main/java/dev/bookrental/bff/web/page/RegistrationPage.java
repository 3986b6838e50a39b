package dev.bookrental.bff.web.page;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.bookrental.bff.web.signin.AuthServer;

/**
 * Opening an account: the form is bff-web's, the account auth's ({@code POST /auth/register} on
 * auth's own address, public). Auth checks the username, the password's strength and the display
 * name; its complaints are shown next to the fields. Then the person signs in on auth's login page
 * as usual; member creates their profile with the welcome points from auth's event meanwhile.
 */
@Controller
class RegistrationPage {

    static final String REGISTER = "/bff/web/register";
    /** Auth hashes the password with Argon2id, slow on purpose. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> FIELDS = Set.of("username", "password", "displayName");

    private final RestClient auth;

    RegistrationPage(RestClient.Builder http, AuthServer authServer) {
        this.auth = http.baseUrl(authServer.issuer())
                .requestFactory(ClientHttpRequestFactoryBuilder.detect().build(HttpClientSettings.defaults().withTimeouts(TIMEOUT, TIMEOUT)))
                .build();
    }

    @GetMapping(REGISTER)
    String form(@ModelAttribute("form") RegistrationForm form) {
        return "register";
    }

    @PostMapping(REGISTER)
    ModelAndView register(@ModelAttribute("form") RegistrationForm form, BindingResult binding, RedirectAttributes redirect) {
        try {
            auth.post().uri("/auth/register").contentType(MediaType.APPLICATION_JSON).body(form).retrieve().toBodilessEntity();
        } catch (RestClientResponseException refused) {
            Problem problem = Problem.of(refused);
            problem.fieldErrors().forEach((field, message) -> {
                if (FIELDS.contains(field)) {
                    binding.rejectValue(field, "refused", message);
                } else {
                    binding.reject("refused", field + " " + message);
                }
            });
            if (problem.fieldErrors().isEmpty()) {
                // 409: the username is taken.
                binding.rejectValue("username", "refused", problem.message());
            }
            return new ModelAndView("register", HttpStatus.valueOf(problem.status()));
        }
        redirect.addFlashAttribute("notice", "Your account “" + form.username() + "” is ready. Sign in to start renting.");
        return new ModelAndView("redirect:/bff/web/");
    }

    record RegistrationForm(String username, String password, String displayName) {
    }
}
