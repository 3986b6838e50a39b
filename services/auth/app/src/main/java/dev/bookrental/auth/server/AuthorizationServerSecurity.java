package dev.bookrental.auth.server;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The authorization server (Spring Authorization Server, OAuth 2.1 and OpenID Connect 1.0) and the
 * security of auth's own pages. Clients, authorizations (codes, access and refresh tokens) and
 * consents live in auth's database, so a restart of auth forgets no token it issued.
 *
 * <p>Two filter chains: the protocol endpoints ({@code /oauth2/*}, {@code /.well-known/*},
 * {@code /userinfo}, {@code /connect/logout}), which send a browser without a session to the login
 * page; and everything else: the login page, registration and the actuator.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The UserInfo endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The sign-in page ({@code LoginPage}), registration and the actuator. Registration is a JSON
     * API that no cookie authenticates, so CSRF protection has nothing to protect there; the login
     * form keeps it. The actuator stays open like on every service locally (health for the
     * launcher, signingkeys for the system tests); a deployment exposes it only on a management port.
     */
    @Bean
    @Order(2)
    SecurityFilterChain loginAndAccounts(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/auth/register").permitAll()
                        .requestMatchers("/actuator/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/auth/register", "/actuator/**"));
        return http.build();
    }

    /** The issuer ({@code iss} of every token): {@code bookrental.security.issuer}, which production sets. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            @Value("${bookrental.security.issuer:http://localhost:9000}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /** The OAuth clients, with the contract's clients saved at start (see {@link FirstPartyClients}). */
    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc, FirstPartyClients firstPartyClients) {
        JdbcRegisteredClientRepository clients = new JdbcRegisteredClientRepository(jdbc);
        firstPartyClients.saveTo(clients);
        return clients;
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }
}
