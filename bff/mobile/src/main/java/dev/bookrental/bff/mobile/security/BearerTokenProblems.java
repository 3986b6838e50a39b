package dev.bookrental.bff.mobile.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.web.ProblemTypes;

/**
 * A refused bearer token, as the token contract says: the standard {@code WWW-Authenticate: Bearer}
 * header (written by Spring Security's own handlers) plus an RFC 9457 problem body, 401
 * {@code unauthenticated} for no or a bad token, 403 {@code forbidden} for a token without the role.
 */
@Component
class BearerTokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    BearerTokenProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, e);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid bearer token from auth is required.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        bearerAccessDenied.handle(request, response, e);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "The token does not carry the role this needs.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(type).toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
