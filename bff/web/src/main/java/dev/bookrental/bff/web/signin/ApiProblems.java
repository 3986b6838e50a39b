package dev.bookrental.bff.web.signin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.platform.web.ProblemTypes;

/**
 * How bff-web's API ({@code /bff/web/api/**}) refuses a request, as RFC 9457 problems: a script
 * gets a 401 it can act on (show "Sign in"), not a redirect to auth's login page it cannot follow.
 */
@Component
class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String UNAUTHENTICATED = "unauthenticated";
    static final String FORBIDDEN = "forbidden";

    private final JsonMapper json;

    ApiProblems(JsonMapper json) {
        this.json = json;
    }

    /** Not signed in: 401, naming where to sign in. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Map<String, Object> problem = problem(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Unauthenticated",
                "Sign in first: this is about your own data.", request);
        problem.put("signIn", SignInClient.SIGN_IN_URI);
        write(response, HttpStatus.UNAUTHORIZED, problem);
    }

    /** Signed in, but the request is refused: in bff-web that is a missing or wrong CSRF token. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "The CSRF token is missing or wrong: send the one from GET /bff/web/api/csrf in its header."
                : "You may not do this.";
        write(response, HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail, request));
    }

    private static Map<String, Object> problem(HttpStatus status, String type, String title, String detail,
            HttpServletRequest request) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(type).toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        return problem;
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
