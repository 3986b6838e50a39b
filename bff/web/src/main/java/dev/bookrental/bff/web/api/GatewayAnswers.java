package dev.bookrental.bff.web.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.bff.web.signin.SignInClient;
import dev.bookrental.platform.web.ProblemTypes;

/**
 * What the page gets when a call through the gateway does not succeed: the service's own answer
 * (status, problem body, Retry-After) passed on unchanged; 503 when the gateway does not answer in
 * time; 401 when the session holds no usable tokens any more (auth refused to renew them, or the
 * gateway refused them), so the page asks the person to sign in again. Ahead of the platform's catch-all problem handler.
 */
@RestControllerAdvice(basePackageClasses = GatewayAnswers.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayAnswers {

    private static final Logger log = LoggerFactory.getLogger(GatewayAnswers.class);

    private final JsonMapper json;

    GatewayAnswers(JsonMapper json) {
        this.json = json;
    }

    /** The service's answer as it came: status, JSON (problem) body, its content type and Retry-After. */
    @ExceptionHandler(RestClientResponseException.class)
    ResponseEntity<JsonNode> passOn(RestClientResponseException answer) {
        ResponseEntity.BodyBuilder passedOn = ResponseEntity.status(answer.getStatusCode());
        HttpHeaders upstream = answer.getResponseHeaders();
        if (upstream != null && upstream.getContentType() != null) {
            passedOn.contentType(upstream.getContentType());
        }
        if (upstream != null && upstream.containsHeader(HttpHeaders.RETRY_AFTER)) {
            passedOn.header(HttpHeaders.RETRY_AFTER, upstream.getFirst(HttpHeaders.RETRY_AFTER));
        }
        return passedOn.body(body(answer));
    }

    /** Services answer JSON; anything else (an empty body, a proxy's HTML page) is not passed on. */
    private JsonNode body(RestClientResponseException answer) {
        byte[] body = answer.getResponseBodyAsByteArray();
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> noAnswer(ResourceAccessException e) {
        log.warn("The gateway did not answer: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The gateway did not answer in time; try again shortly.");
        problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        problem.setProperty("service", "gateway");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(ClientAuthorizationException.class)
    ResponseEntity<ProblemDetail> noTokens(ClientAuthorizationException e) {
        log.info("No usable tokens in the session ({}): the person signs in again", e.getError().getErrorCode());
        return signInAgain();
    }

    /** The gateway refused the access token (the session's tokens were dropped by then, see GatewayCalls). */
    @ExceptionHandler(HttpClientErrorException.Unauthorized.class)
    ResponseEntity<ProblemDetail> tokenRefused(HttpClientErrorException.Unauthorized e) {
        log.info("The gateway refused the session's access token: the person signs in again");
        return signInAgain();
    }

    private static ResponseEntity<ProblemDetail> signInAgain() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Your sign-in has expired: sign in again.");
        problem.setType(ProblemTypes.of("unauthenticated"));
        problem.setTitle("Unauthenticated");
        problem.setProperty("signIn", SignInClient.SIGN_IN_URI);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
}
