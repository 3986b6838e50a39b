package dev.bookrental.auth.server;

import static dev.bookrental.auth.OAuthClient.authorizationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.auth.AuthProperties;
import dev.bookrental.auth.AuthServiceTest;
import dev.bookrental.auth.OAuthClient;
import dev.bookrental.auth.OAuthClient.Pkce;
import dev.bookrental.auth.OAuthClient.Tokens;

/**
 * The flows of the token contract over real HTTP, as a client and a browser run them: authorization
 * code with PKCE through the login page, refresh with rotation, client credentials; and the claims
 * of what comes back, verified against the published JWK set.
 */
class AuthorizationFlowTests extends AuthServiceTest {

    private static final String ISSUER = "http://localhost:9000";
    private static final String BFF_REDIRECT = "http://localhost:8081/bff/web/login/oauth2/code/bookrental";
    private static final String MOBILE_REDIRECT = "http://127.0.0.1:8765/callback";

    @Autowired
    private AuthProperties properties;

    private OAuthClient client;

    @BeforeEach
    void client() {
        client = new OAuthClient(baseUrl());
    }

    @Test
    void authorizationCodeWithPkceGivesTokensOfTheAccountThenRefreshRotatesAndAReusedRefreshTokenIsRejected() {
        String accountId = register("katherine", "orbital mechanics 1962", "Katherine Johnson");
        Pkce pkce = Pkce.create();

        Map<String, String> redirect = client.authorize(authorizationRequest(FirstPartyClients.BFF_WEB, BFF_REDIRECT, pkce),
                "Katherine", "orbital mechanics 1962");
        assertThat(redirect).containsEntry("state", "state-1").containsKey("code");
        Tokens tokens = Tokens.of(client.token(FirstPartyClients.BFF_WEB, bffSecret(), Map.of(
                "grant_type", "authorization_code", "code", redirect.get("code"), "redirect_uri", BFF_REDIRECT,
                "code_verifier", pkce.verifier())));

        Jwt access = client.verify(tokens.accessToken());
        assertThat(access.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(access.getIssuer()).hasToString(ISSUER);
        assertThat(access.getSubject()).as("sub is the account id, not the username").isEqualTo(accountId);
        assertThat(access.getAudience()).containsExactly("bookrental-api");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo("katherine");
        assertThat(access.getClaimAsString("client_id")).isEqualTo(FirstPartyClients.BFF_WEB);
        assertThat(access.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(Duration.between(access.getIssuedAt(), access.getExpiresAt())).isEqualTo(properties.accessTokenTtl());

        Jwt id = client.verify(tokens.idToken());
        assertThat(id.getSubject()).isEqualTo(accountId);
        assertThat(id.getAudience()).containsExactly(FirstPartyClients.BFF_WEB);
        assertThat(id.getClaimAsString("name")).isEqualTo("Katherine Johnson");
        assertThat(tokens.refreshToken()).isNotBlank();

        Tokens refreshed = Tokens.of(refresh(tokens.refreshToken()));
        assertThat(refreshed.refreshToken()).as("rotated").isNotBlank().isNotEqualTo(tokens.refreshToken());
        Jwt refreshedAccess = client.verify(refreshed.accessToken());
        assertThat(refreshedAccess.getSubject()).isEqualTo(accountId);
        assertThat(refreshedAccess.getClaimAsStringList("roles")).containsExactly("MEMBER");

        HttpResponse<String> reused = refresh(tokens.refreshToken());
        assertThat(reused.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
        assertThat(JsonMapper.builder().build().readTree(reused.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(refresh(refreshed.refreshToken()).statusCode()).as("the new one still works").isEqualTo(200);
    }

    @Test
    void theUserInfoEndpointAnswersForTheAccessToken() {
        String accountId = register("dorothy", "fortran on the ibm 7090", "Dorothy Vaughan");
        Tokens tokens = signIn("dorothy", "fortran on the ibm 7090");

        HttpResponse<String> userInfo = client.get("/userinfo", tokens.accessToken());

        assertThat(userInfo.statusCode()).isEqualTo(200);
        var json = JsonMapper.builder().build().readTree(userInfo.body());
        assertThat(json.get("sub").asString()).isEqualTo(accountId);
        assertThat(json.get("preferred_username").asString()).isEqualTo("dorothy");
        assertThat(json.get("name").asString()).isEqualTo("Dorothy Vaughan");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsSentBackWithAnError() {
        Map<String, String> request = authorizationRequest(FirstPartyClients.BFF_WEB, BFF_REDIRECT, Pkce.create());
        request.remove("code_challenge");
        request.remove("code_challenge_method");

        HttpResponse<String> response = client.browser().get(client.authorizationUri(request));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(OAuthClient.location(response).toString()).startsWith(BFF_REDIRECT);
        assertThat(OAuthClient.redirectParameters(response)).containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
    }

    @Test
    void theMobileAppIsAPublicClientWithPkceAndGetsNoRefreshToken() {
        register("annie", "centaur rocket 1962", "Annie Easley");
        Pkce pkce = Pkce.create();
        Map<String, String> redirect = client.authorize(authorizationRequest(FirstPartyClients.MOBILE, MOBILE_REDIRECT, pkce),
                "annie", "centaur rocket 1962");

        Tokens tokens = Tokens.of(client.token(FirstPartyClients.MOBILE, null, Map.of(
                "grant_type", "authorization_code", "code", redirect.get("code"), "redirect_uri", MOBILE_REDIRECT,
                "code_verifier", pkce.verifier())));

        assertThat(client.verify(tokens.accessToken()).getClaimAsStringList("roles")).containsExactly("MEMBER");
        assertThat(tokens.refreshToken()).as("Spring Authorization Server issues none to public clients").isNull();
    }

    @Test
    void clientCredentialsOfTheRentalServiceGiveAServiceToken() {
        Tokens tokens = client.clientCredentials(FirstPartyClients.RENTAL_SERVICE,
                properties.client(FirstPartyClients.RENTAL_SERVICE).secret());

        Jwt access = client.verify(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo(FirstPartyClients.RENTAL_SERVICE);
        assertThat(access.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(access.getAudience()).containsExactly("bookrental-api");
        assertThat(access.getClaimAsString("client_id")).isEqualTo(FirstPartyClients.RENTAL_SERVICE);
        assertThat(access.getClaims()).doesNotContainKey("preferred_username");
        assertThat(tokens.refreshToken()).isNull();
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        assertThat(client.token(FirstPartyClients.RENTAL_SERVICE, "not-the-secret", Map.of("grant_type", "client_credentials"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theLocalLibrarianSignsInWithTheRoleLibrarian() {
        Tokens tokens = signIn("librarian", "librarian-local-only");

        Jwt access = client.verify(tokens.accessToken());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("LIBRARIAN");
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo("librarian");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        register("hedy", "frequency hopping 1942", "Hedy Lamarr");

        HttpResponse<String> login = client.browser().login("hedy", "not her password!");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(OAuthClient.location(login)).hasPath("/login").hasQuery("error");
    }

    private Tokens signIn(String username, String password) {
        return client.signIn(FirstPartyClients.BFF_WEB, bffSecret(), BFF_REDIRECT, username, password);
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return client.token(FirstPartyClients.BFF_WEB, bffSecret(), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
    }

    private String bffSecret() {
        return properties.client(FirstPartyClients.BFF_WEB).secret();
    }

    /** Registers an account through the API and answers its id. */
    private String register(String username, String password, String displayName) {
        var result = mvc.post().uri("/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + username + "\", \"password\": \"" + password
                        + "\", \"displayName\": \"" + displayName + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return JsonMapper.builder().build().readTree(result.getResponse().getContentAsByteArray()).get("id").asString();
    }
}
