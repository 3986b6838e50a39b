package dev.bookrental.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.web.ProblemTypes;
import dev.bookrental.platform.web.TraceIds;

/**
 * RFC 9457 problems for the requests Spring Security turns away, like every other error of the
 * platform: 401 {@code unauthenticated} (no token, or one that is expired, from another issuer, for
 * another audience or badly signed) and 403 {@code forbidden} (a valid token without the role).
 * Spring Security's bearer-token handlers set the status and the RFC 6750 challenge
 * ({@code WWW-Authenticate: Bearer error="invalid_token", ...}); this class only adds the body they
 * leave empty, with the trace id of the request like every problem of the platform.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler insufficientRole = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;
    private final TraceIds traceIds;

    public SecurityProblems(JsonMapper json, TraceIds traceIds) {
        this.json = json;
        this.traceIds = traceIds;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        challenge.commence(request, response, exception);
        write(request, response, ProblemTypes.UNAUTHENTICATED, "Unauthenticated", unauthenticated(exception));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException, ServletException {
        insufficientRole.handle(request, response, exception);
        write(request, response, ProblemTypes.FORBIDDEN, "Forbidden", "The access token does not carry the role this request needs.");
    }

    /** Why the token was refused, as Spring Security's validators say it (the challenge says it too). */
    static String unauthenticated(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException invalid && invalid.getError().getDescription() != null) {
            return "The access token is not valid: " + invalid.getError().getDescription();
        }
        return "Sign in first: send an access token of the auth service as 'Authorization: Bearer <token>'.";
    }

    private void write(HttpServletRequest request, HttpServletResponse response, URI type, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", response.getStatus());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        String traceId = traceIds.current();
        if (traceId != null) {
            body.put(TraceIds.PROPERTY, traceId);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
