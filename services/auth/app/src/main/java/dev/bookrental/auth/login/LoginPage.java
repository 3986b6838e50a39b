package dev.bookrental.auth.login;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the authorization server: one form, posted to Spring Security's form login
 * ({@code POST /login}) with its CSRF token. Every application of Bookrental sends the browser here
 * (authorization code flow); after sign-in the browser goes back to the application.
 */
@Controller
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        String message = error != null ? "<p class=\"error\" role=\"alert\">Wrong username or password.</p>"
                : logout != null ? "<p class=\"info\" role=\"status\">You are signed out.</p>"
                : "";
        return PAGE.replace("{message}", message)
                .replace("{csrfName}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{csrfToken}", HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · Bookrental</title>
              <style>
                body { margin: 0; min-height: 100vh; display: grid; place-items: center;
                       font: 16px/1.5 system-ui, sans-serif; background: #f4f1ea; color: #2b2b2b; }
                main { width: min(22rem, 90vw); padding: 2rem; background: #fff; border-radius: 12px;
                       box-shadow: 0 4px 24px rgba(0, 0, 0, .08); }
                h1 { margin: 0 0 1.5rem; font-size: 1.4rem; }
                label { display: block; margin-bottom: 1rem; font-size: .9rem; }
                input { display: block; box-sizing: border-box; width: 100%; margin-top: .3rem; padding: .6rem;
                        font: inherit; border: 1px solid #c8c2b4; border-radius: 6px; }
                button { width: 100%; padding: .7rem; font: inherit; font-weight: 600; color: #fff;
                         background: #7a4e2d; border: 0; border-radius: 6px; cursor: pointer; }
                .error { color: #a12a2a; } .info { color: #2d6a3e; }
              </style>
            </head>
            <body>
            <main>
              <h1>Sign in to Bookrental</h1>
              {message}
              <form method="post" action="/login">
                <label>Username <input name="username" autocomplete="username" required autofocus></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                <input type="hidden" name="{csrfName}" value="{csrfToken}">
                <button type="submit">Sign in</button>
              </form>
            </main>
            </body>
            </html>
            """;
}
