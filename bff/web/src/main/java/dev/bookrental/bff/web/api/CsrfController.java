package dev.bookrental.bff.web.api;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bff/web/api/csrf}: the session's CSRF token for the page's script, which sends it
 * with every POST (header or form field). It is kept in the session rather than in a cookie the
 * script could read, so every bff-web cookie stays HttpOnly; another site's script cannot read this
 * answer (same-origin policy, no CORS here).
 */
@RestController
class CsrfController {

    @GetMapping("/bff/web/api/csrf")
    Csrf csrf(CsrfToken token) {
        return new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
    }

    record Csrf(String headerName, String parameterName, String token) {
    }
}
