package dev.bookrental.auth.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import dev.bookrental.auth.account.Account;
import dev.bookrental.auth.account.AccountRepository;

/**
 * The claims of Bookrental's tokens (the token contract). Spring Authorization Server sets
 * {@code iss}, {@code sub} (the principal's name: the account id, see AccountUserDetailsService, or
 * the client id for client credentials), {@code iat}, {@code exp}, {@code jti} and {@code scope};
 * this adds:
 * <ul>
 *   <li>access tokens: {@code aud} = {@value #API_AUDIENCE} (resource servers accept no other),
 *       {@code roles}, {@code client_id}, and for accounts {@code preferred_username};</li>
 *   <li>ID tokens: {@code roles}, {@code preferred_username} and {@code name}, for the client's UI.</li>
 * </ul>
 * An account's roles and names are read at every issue, refreshes included, so a changed role
 * reaches the next access token. Collections are of the kinds Spring Security's JSON mapping allows,
 * because the claims are stored with the authorization and read back at the next refresh.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String API_AUDIENCE = "bookrental-api";
    static final String ROLES = "roles";
    static final String SERVICE = "SERVICE";

    private final AccountRepository accounts;

    TokenClaims(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        JwtClaimsSet.Builder claims = context.getClaims();
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (accessToken) {
            claims.audience(Collections.singletonList(API_AUDIENCE));
            claims.claim("client_id", context.getRegisteredClient().getClientId());
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim(ROLES, Collections.singletonList(SERVICE));
            return;
        }
        Account account = account(context.getPrincipal().getName());
        claims.claim(ROLES, new ArrayList<>(account.roles()));
        claims.claim("preferred_username", account.username());
        if (!accessToken && OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            claims.claim("name", account.displayName());
        }
    }

    private Account account(String principalName) {
        return accounts.findById(UUID.fromString(principalName)).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account of this grant no longer exists", null)));
    }
}
