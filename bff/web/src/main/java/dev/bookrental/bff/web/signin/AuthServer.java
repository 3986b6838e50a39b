package dev.bookrental.bff.web.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auth service as bff-web's OAuth 2.1 authorization server: its issuer
 * ({@code bookrental.security.issuer}, shared by every service) and, below it, the endpoints Spring
 * Authorization Server publishes by default. They are written out rather than read from
 * {@code /.well-known/openid-configuration}, so bff-web starts (and serves its page) while auth is
 * still starting or down.
 */
@ConfigurationProperties("bookrental.security")
public record AuthServer(@DefaultValue("http://localhost:9000") String issuer) {

    public String authorizationEndpoint() {
        return issuer + "/oauth2/authorize";
    }

    public String tokenEndpoint() {
        return issuer + "/oauth2/token";
    }

    public String jwkSetEndpoint() {
        return issuer + "/oauth2/jwks";
    }

    /** RFC 7009 token revocation. */
    public String revocationEndpoint() {
        return issuer + "/oauth2/revoke";
    }

    /** OpenID Connect RP-initiated logout. */
    public String endSessionEndpoint() {
        return issuer + "/connect/logout";
    }
}
