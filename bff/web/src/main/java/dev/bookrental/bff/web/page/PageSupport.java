package dev.bookrental.bff.web.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.bookrental.bff.web.signin.SignInClient;

/**
 * What every page of the web UI shares: who is looking ({@link Viewer}, for the header) and what a
 * person sees when a call behind the page fails — the service's own words on an error page with its
 * status, "try again shortly" when the gateway does not answer in time, and the sign-in when the
 * session's tokens are no longer good. Never a stack trace, never a blank page. Ahead of the
 * platform's problem handler, which answers JSON and suits the API, not a page.
 */
@ControllerAdvice(basePackageClasses = PageSupport.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageSupport {

    private static final Logger log = LoggerFactory.getLogger(PageSupport.class);

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        return Viewer.of(authentication);
    }

    /** The session holds no usable tokens any more (auth refused to renew them, or the gateway refused them). */
    @ExceptionHandler({ClientAuthorizationException.class, HttpClientErrorException.Unauthorized.class})
    String signInAgain() {
        return "redirect:" + SignInClient.SIGN_IN_URI;
    }

    @ExceptionHandler(RestClientResponseException.class)
    ModelAndView refused(RestClientResponseException answer, Authentication authentication) {
        Problem problem = Problem.of(answer);
        return errorPage(HttpStatus.valueOf(problem.status()), problem.title(), problem.message(), authentication);
    }

    /** A problem of bff-web's own, such as the book detail's "no such book". */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView problem(ErrorResponseException problem, Authentication authentication) {
        ProblemDetail body = problem.getBody();
        return errorPage(HttpStatus.valueOf(body.getStatus()), body.getTitle(), body.getDetail(), authentication);
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView noAnswer(ResourceAccessException e, Authentication authentication) {
        log.warn("The gateway did not answer for a page: {}", e.toString());
        return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "Not available right now",
                "Part of Bookrental did not answer in time. Please try again in a few seconds.", authentication);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badAddress(MethodArgumentTypeMismatchException e, Authentication authentication) {
        return errorPage(HttpStatus.BAD_REQUEST, "Page not found",
                "This address names no page: '" + e.getName() + "' is not valid.", authentication);
    }

    static ModelAndView errorPage(HttpStatus status, String title, String message, Authentication authentication) {
        ModelAndView page = new ModelAndView("error-page", status);
        page.addObject("viewer", Viewer.of(authentication));
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("status", status.value());
        return page;
    }

}
