package dev.bookrental.bff.web.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what in bff-web, and how signing in and out works (backend for frontend).
 *
 * <ul>
 *   <li>The web UI's public pages are public: home, catalog search, a book's page, the best books,
 *       and opening an account. A stranger sees "Sign in" in their header.</li>
 *   <li>The librarian's pages need the role LIBRARIAN (from the ID token's {@code roles}); book
 *       checks it again on the access token.</li>
 *   <li>A book's detail ({@code GET /bff/web/api/books/{id}}) is public: a stranger gets its public parts.</li>
 *   <li>The rest of the API under {@code /bff/web/api/**} needs a session; without one it answers 401
 *       problem+json (see {@link ApiProblems}), because a script cannot follow a login redirect.</li>
 *   <li>Every other page needs a session too, and sends a stranger to sign in at auth
 *       (authorization code + PKCE); afterwards the browser comes back to the page it asked for.</li>
 *   <li>CSRF protection is on (the token is kept in the session; the page's script reads it from
 *       {@code GET /bff/web/api/csrf}), so every cookie can stay HttpOnly.</li>
 *   <li>{@code POST /bff/web/logout} revokes the tokens at auth ({@link TokenRevocation}), ends the
 *       session in Redis and then ends auth's own session too (OpenID Connect RP-initiated logout),
 *       which sends the browser back to the home page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String HOME = "/bff/web/";
    static final String LOGOUT = "/bff/web/logout";

    @Bean
    SecurityFilterChain bffWeb(HttpSecurity http, ClientRegistrationRepository registrations,
            TokenRevocation tokenRevocation, ApiProblems apiProblems) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.pathPattern("/bff/web/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/error").permitAll()
                        // The public pages of the web UI and their style sheet and script.
                        .requestMatchers(HttpMethod.GET, "/bff/web", HOME, "/bff/web/books", "/bff/web/books/*",
                                "/bff/web/best-books", "/bff/web/assets/**")
                        .permitAll()
                        .requestMatchers("/bff/web/register").permitAll()
                        .requestMatchers("/bff/web/librarian/**").hasRole("LIBRARIAN")
                        // A book's detail (API composition) is for anyone; a stranger's lacks "may I rent it".
                        .requestMatchers(HttpMethod.GET, "/bff/web/api/books/*").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        // With a login page of its own, Spring Security generates none: signing in
                        // is going to auth.
                        .loginPage(SignInClient.SIGN_IN_URI)
                        .authorizationEndpoint(authorization -> authorization.baseUri(SignInClient.AUTHORIZATION_BASE_URI))
                        .redirectionEndpoint(callback -> callback.baseUri(SignInClient.CALLBACK_BASE_URI + "/*"))
                        .defaultSuccessUrl(HOME)
                        .failureUrl(HOME + "?signin=failed"))
                .logout(logout -> logout
                        .logoutUrl(LOGOUT)
                        .addLogoutHandler(tokenRevocation)
                        .logoutSuccessHandler(rpInitiatedLogout(registrations)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(apiProblems, api)
                                .defaultEntryPoint(signIn())
                                .build())
                        .defaultAccessDeniedHandlerFor(apiProblems, api))
                // After signing in, the browser returns to the page it asked for, never to an API URL.
                .requestCache(cache -> cache.requestCache(pagesOnly(api)));
        return http.build();
    }

    private static LoginUrlAuthenticationEntryPoint signIn() {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(SignInClient.SIGN_IN_URI);
        // A relative Location works alike through the gateway and on bff-web's own port.
        signIn.setFavorRelativeUris(true);
        return signIn;
    }

    private static OidcClientInitiatedLogoutSuccessHandler rpInitiatedLogout(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler logoutAtAuth = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // Registered at auth for both ways in: http://localhost:8080/bff/web/ and http://localhost:8081/bff/web/.
        logoutAtAuth.setPostLogoutRedirectUri("{baseUrl}" + HOME);
        logoutAtAuth.setDefaultTargetUrl(HOME);
        return logoutAtAuth;
    }

    private static HttpSessionRequestCache pagesOnly(RequestMatcher api) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/bff/web/**"),
                new NegatedRequestMatcher(api)));
        return cache;
    }
}
