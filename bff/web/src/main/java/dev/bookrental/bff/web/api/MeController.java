package dev.bookrental.bff.web.api;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * {@code GET /bff/web/api/me}: who is signed in, for the page's header. The name comes from the ID
 * token and the member profile, the points from member (through the gateway). When member cannot
 * answer, the page still learns who is signed in: {@code points} is null and {@code unavailable}
 * says why.
 */
@RestController
class MeController {

    private static final Logger log = LoggerFactory.getLogger(MeController.class);

    private final GatewayApi gateway;

    MeController(GatewayApi gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/bff/web/api/me")
    Me me(@AuthenticationPrincipal OAuth2User user) {
        String username = user.getAttribute("preferred_username");
        try {
            GatewayApi.MemberProfile profile = gateway.member();
            return new Me(user.getName(), profile.username(), profile.displayName(), profile.points(), List.of());
        } catch (HttpClientErrorException.Unauthorized e) {
            throw e; // the access token was refused: the page must sign in again (GatewayAnswers)
        } catch (RestClientException e) {
            log.warn("No member profile for {}: {}", user.getName(), e.toString());
            return new Me(user.getName(), username, username == null ? user.getName() : username, null, List.of("member"));
        }
    }

    /**
     * The signed-in person as the page shows them.
     *
     * @param memberId    the account id (the ID token's subject)
     * @param points      null while member cannot tell (listed in {@code unavailable})
     * @param unavailable the sources that did not answer
     */
    record Me(String memberId, String username, String displayName, Integer points, List<String> unavailable) {
    }
}
