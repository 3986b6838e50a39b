package dev.bookrental.bff.web.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, the one thing bff-web gives the browser: an opaque id of the session in
 * Redis, never a token.
 *
 * <ul>
 *   <li>{@code HttpOnly}: no script can read it, so an injected script cannot carry it away.</li>
 *   <li>{@code SameSite=Lax}: another site can link to bff-web but cannot make the browser send the
 *       cookie with its POSTs (CSRF protection checks those as well).</li>
 *   <li>{@code Path=/bff/web}: the gateway's {@code /api/**} and auth share bff-web's host name, and
 *       never get it.</li>
 *   <li>{@code Secure} exactly when the request is https (as the trusted proxy forwarded it), so it
 *       also works on plain {@code http://localhost}.</li>
 * </ul>
 *
 * Declared here rather than with {@code server.servlet.session.cookie.*}, which Spring Boot applies
 * only when bff-web runs in an embedded server: these hold however bff-web is deployed.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookie {

    static final String NAME = "BFF_SESSION";

    @Bean
    DefaultCookieSerializer cookieSerializer() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(NAME);
        cookie.setCookiePath("/bff/web");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        // setUseSecureCookie is left alone: unset, the cookie is Secure when request.isSecure().
        return cookie;
    }
}
