package dev.bookrental.bff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * bff-web's security over HTTP (MockMvc), with the settings of config/bff-web.yml, sessions in a
 * real Redis and a real HTTP server standing in for auth and the gateway: who gets a page, a 401
 * or a redirect to sign in; PKCE; the session cookie; CSRF; the access token relayed and never
 * shown; sign-out revoking the tokens even while auth is down. Signed-in requests carry the cookie
 * of a session stored in Redis as a sign-in leaves it (or use the {@code oidcLogin()} post-processor).
 */
@SpringBootTest(properties = "spring.config.location=file:../../config/bff-web.yml,classpath:/test.yml")
@AutoConfigureMockMvc
class WebSecurityTests {

    /** The local-only secret of config/bff-web.yml: the stand-in auth checks client_secret_basic with it. */
    private static final StandInAuthAndGateway auth = new StandInAuthAndGateway("bff-web-local-secret");
    private static final String ACCESS_TOKEN = "access-in-session";
    private static final String REFRESH_TOKEN = "refresh-in-session";
    private static final String ID_TOKEN = "id-token-in-session";

    @Autowired MockMvcTester mvc;
    @Autowired ClientRegistrationRepository registrations;
    @Autowired OAuth2AuthorizedClientRepository authorizedClients;
    @Autowired SessionRepository<? extends Session> sessions;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("bookrental.security.issuer", auth::url);
        registry.add("spring.http.serviceclient.gateway.base-url", auth::url);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @BeforeEach
    void freshStandIn() {
        auth.reset();
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void theHomePageIsPublicAndOffersToSignIn() {
        assertThat(mvc.get().uri("/bff/web/")).hasStatusOk().bodyText()
                .contains("Sign in").contains("href=\"/bff/web/oauth2/authorization/bookrental\"");
        assertThat(mvc.get().uri("/bff/web")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/");
    }

    @Test
    void anyOtherPageSendsAStrangerToSignIn() {
        assertThat(mvc.get().uri("/bff/web/rentals").accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/bff/web/oauth2/authorization/bookrental");
    }

    @Test
    void theApiAnswersAStrangerWithA401ProblemNotARedirect() {
        MvcTestResult result = mvc.get().uri("/bff/web/api/me").accept(MediaType.APPLICATION_JSON).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).doesNotContainHeader(HttpHeaders.LOCATION);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:unauthenticated");
        assertThat(result).bodyJson().extractingPath("$.signIn").isEqualTo("/bff/web/oauth2/authorization/bookrental");
    }

    @Test
    void signingInGoesToAuthWithPkceAndTheCallbackOfTheUrlTheBrowserUsed() {
        MvcTestResult result = mvc.get().uri("/bff/web/oauth2/authorization/bookrental").exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(auth.url() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=bff-web", "scope=openid%20profile", "state=", "nonce=",
                        "code_challenge=", "code_challenge_method=S256",
                        "redirect_uri=http://localhost/bff/web/login/oauth2/code/bookrental");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxForBffWebOnlyAndSecureUnderHttps() {
        String overHttp = mvc.get().uri("/bff/web/oauth2/authorization/bookrental").exchange()
                .getResponse().getHeader(HttpHeaders.SET_COOKIE);
        String overHttps = mvc.get().uri("/bff/web/oauth2/authorization/bookrental").secure(true).exchange()
                .getResponse().getHeader(HttpHeaders.SET_COOKIE);

        assertThat(overHttp).startsWith("BFF_SESSION=").contains("; Path=/bff/web", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(overHttps).startsWith("BFF_SESSION=").contains("; Path=/bff/web", "; HttpOnly", "; SameSite=Lax", "; Secure");
    }

    @Test
    void theApiCallsTheGatewayWithTheSessionsAccessTokenAndNeverShowsATokenToTheBrowser() {
        Cookie session = signedInSession();

        MvcTestResult result = mvc.get().uri("/bff/web/api/me").cookie(session).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.memberId").isEqualTo(StandInAuthAndGateway.MEMBER_ID);
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("Alice");
        assertThat(result).bodyJson().extractingPath("$.points").isEqualTo(100);
        assertThat(result).bodyText().doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, ID_TOKEN);
        assertThat(auth.apiCalls()).extracting(StandInAuthAndGateway.Received::authorization)
                .containsExactly("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void theApiWorksForAPersonSignedInByTheOidcLoginPostProcessor() {
        MvcTestResult result = mvc.get().uri("/bff/web/api/me")
                .with(oidcLogin().clientRegistration(registration())
                        .idToken(token -> token.subject(StandInAuthAndGateway.MEMBER_ID).claim("preferred_username", "alice")))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("Alice");
        // The post-processor signs in with an authorized client of its own, whose access token is "access-token".
        assertThat(auth.apiCalls()).extracting(StandInAuthAndGateway.Received::authorization)
                .containsExactly("Bearer access-token");
    }

    @Test
    void rentingIsRelayedToRentalAndItsAnswersReachThePageUnchanged() {
        Cookie session = signedInSession();

        MvcTestResult accepted = mvc.post().uri("/bff/web/api/rentals").cookie(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"bookId\":1}").exchange();
        MvcTestResult refused = mvc.post().uri("/bff/web/api/rentals").cookie(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"bookId\":999}").exchange();

        assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
        assertThat(accepted.getResponse().getHeader(HttpHeaders.LOCATION)).matches("/bff/web/api/rentals/[0-9a-f-]{36}");
        assertThat(accepted).bodyJson().extractingPath("$.status").isEqualTo("PENDING");
        assertThat(refused).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:rent-not-allowed");
        assertThat(auth.apiCalls()).extracting(StandInAuthAndGateway.Received::authorization).containsOnly("Bearer " + ACCESS_TOKEN);
    }

    @Test
    void aTokenTheGatewayRefusesIsDroppedAndThePageAskedToSignInAgain() {
        Cookie session = signedInSession();
        auth.refuse(ACCESS_TOKEN);

        MvcTestResult refused = mvc.get().uri("/bff/web/api/rental-card").cookie(session).exchange();
        MvcTestResult next = mvc.get().uri("/bff/web/api/rental-card").cookie(session).exchange();

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.signIn").isEqualTo("/bff/web/oauth2/authorization/bookrental");
        assertThat(next).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(auth.apiCalls()).as("no call without a token").hasSize(1);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Cookie session = signedInSession();

        MvcTestResult rent = mvc.post().uri("/bff/web/api/rentals").cookie(session)
                .contentType(MediaType.APPLICATION_JSON).content("{\"bookId\":1}").exchange();
        MvcTestResult logout = mvc.post().uri("/bff/web/logout").cookie(session).exchange();

        assertThat(rent).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rent).bodyJson().extractingPath("$.type").isEqualTo("urn:bookrental:problem:forbidden");
        assertThat(logout).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(auth.apiCalls()).isEmpty();
        assertThat(auth.revocations()).isEmpty();
        assertThat(sessions.findById(sessionId(session))).as("the session still exists").isNotNull();
    }

    @Test
    void theCsrfTokenIsGivenToThePagesScriptAndAcceptedInItsHeader() throws Exception {
        Cookie session = signedInSession();
        MvcTestResult csrf = mvc.get().uri("/bff/web/api/csrf").cookie(session).exchange();
        String answer = csrf.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String header = JsonPath.read(answer, "$.headerName");
        String token = JsonPath.read(answer, "$.token");

        MvcTestResult rent = mvc.post().uri("/bff/web/api/rentals").cookie(session).header(header, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"bookId\":1}").exchange();

        assertThat(csrf).hasStatusOk();
        assertThat(rent).hasStatus(HttpStatus.ACCEPTED);
    }

    @Test
    void signingOutRevokesBothTokensEndsTheSessionAndSignsOutAtAuth() {
        Cookie session = signedInSession();

        MvcTestResult result = mvc.post().uri("/bff/web/logout").cookie(session).with(csrf()).exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(result.getResponse().getRedirectedUrl()).startsWith(auth.url() + "/connect/logout?")
                .contains("id_token_hint=" + ID_TOKEN, "post_logout_redirect_uri=http://localhost/bff/web/");
        assertThat(auth.revocations()).extracting(revocation -> revocation.form().get("token") + " as " + revocation.form().get("token_type_hint"))
                .containsExactly(REFRESH_TOKEN + " as refresh_token", ACCESS_TOKEN + " as access_token");
        assertThat(auth.revocations()).extracting(StandInAuthAndGateway.Received::authorization)
                .containsOnly(auth.clientAuthorization());
        assertThat(sessions.findById(sessionId(session))).as("the session in Redis").isNull();
    }

    @Test
    void signingOutWorksWhileAuthIsDown() {
        Cookie session = signedInSession();
        auth.revocationDown(true);

        MvcTestResult result = mvc.post().uri("/bff/web/logout").cookie(session).with(csrf()).exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(sessions.findById(sessionId(session))).as("the session in Redis").isNull();
    }

    /**
     * A session in Redis as bff-web keeps it after a sign-in at auth: the security context (the
     * person from the ID token) and the tokens, written through the same repositories bff-web
     * uses onto an HTTP session, then stored in Redis; and the cookie that names it.
     */
    private Cookie signedInSession() {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken(ID_TOKEN, now, now.plus(Duration.ofMinutes(30)), Map.of(
                IdTokenClaimNames.ISS, auth.url(), IdTokenClaimNames.SUB, StandInAuthAndGateway.MEMBER_ID,
                "preferred_username", "alice"));
        DefaultOidcUser person = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(person, person.getAuthorities(), "bookrental");
        OAuth2AuthorizedClient tokens = new OAuth2AuthorizedClient(registration(), StandInAuthAndGateway.MEMBER_ID,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, now, now.plus(Duration.ofMinutes(5))),
                new OAuth2RefreshToken(REFRESH_TOKEN, now));

        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new HttpSessionSecurityContextRepository().saveContext(new SecurityContextImpl(signedIn), request, response);
        authorizedClients.saveAuthorizedClient(tokens, signedIn, request, response);
        String sessionId = store(sessions, request.getSession());
        return new Cookie("BFF_SESSION", Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8)));
    }

    private static <S extends Session> String store(SessionRepository<S> sessions, HttpSession attributes) {
        S session = sessions.createSession();
        Collections.list(attributes.getAttributeNames()).forEach(name -> session.setAttribute(name, attributes.getAttribute(name)));
        sessions.save(session);
        return session.getId();
    }

    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    private ClientRegistration registration() {
        return registrations.findByRegistrationId("bookrental");
    }
}
