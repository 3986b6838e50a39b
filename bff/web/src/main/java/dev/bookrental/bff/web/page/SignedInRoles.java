package dev.bookrental.bff.web.page;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The roles auth puts in the ID token ({@code roles}: MEMBER, LIBRARIAN) become the signed-in
 * person's authorities ({@code ROLE_MEMBER}, ...), so bff-web can keep the librarian's pages to
 * librarians. Only a courtesy to the person: book checks the role again on the access token.
 */
@Configuration(proxyBeanMethods = false)
class SignedInRoles {

    static final String CLAIM = "roles";

    /** Picked up by {@code oauth2Login()} for every sign-in. */
    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            authorities.stream()
                    .filter(OidcUserAuthority.class::isInstance)
                    .map(authority -> ((OidcUserAuthority) authority).getIdToken().getClaimAsStringList(CLAIM))
                    .filter(roles -> roles != null)
                    .flatMap(List::stream)
                    .forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return mapped;
        };
    }
}
