package dev.bookrental.rental.remote;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The synchronous clients of rental, one HTTP service group per service called. Spring Cloud
 * LoadBalancer resolves each group's {@code lb://} base URL through Eureka; Spring Boot applies the
 * group's timeouts ({@code spring.http.serviceclient.<group>.*}). Each group carries the access
 * token the service called expects:
 * <ul>
 * <li>{@code book}: rental's own, client credentials of the client {@value #SERVICE_CLIENT}
 * (registration in config/rental.yml): the catalog is rental's business, whoever asked, and it is
 * called outside any member's request too. Spring Security gets the token from the auth service,
 * caches it until shortly before it expires, and drops it when book answers 401 (a key rotation, an
 * auth restart), so the next call gets a new one;</li>
 * <li>{@code member}: the signed-in member's own token, relayed ({@link BearerTokenRelay}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "book", types = BookCatalog.class)
@ImportHttpServices(group = "member", types = MemberAccounts.class)
class RemoteServices {

    /** rental's client registration at the auth service (spring.security.oauth2.client.registration.rental-service). */
    static final String SERVICE_CLIENT = "rental-service";

    /**
     * Whose token rental's own is: the service's, whatever request it serves, so one token is cached
     * for all (not one per member, as the interceptor's default, the current user, would make it).
     */
    private static final Authentication SERVICE = new AnonymousAuthenticationToken(SERVICE_CLIENT, SERVICE_CLIENT,
            AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

    @Bean
    RestClientHttpServiceGroupConfigurer accessTokens(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        OAuth2ClientHttpRequestInterceptor clientCredentials = new OAuth2ClientHttpRequestInterceptor(
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients));
        clientCredentials.setClientRegistrationIdResolver(request -> SERVICE_CLIENT);
        clientCredentials.setPrincipalResolver(request -> SERVICE);
        clientCredentials.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        BearerTokenRelay relay = new BearerTokenRelay();
        return groups -> {
            groups.filterByName("book").forEachClient((group, client) -> client.requestInterceptor(clientCredentials));
            groups.filterByName("member").forEachClient((group, client) -> client.requestInterceptor(relay));
        };
    }
}
