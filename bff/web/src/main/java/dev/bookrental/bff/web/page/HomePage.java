package dev.bookrental.bff.web.page;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The minimal page that proves signing in works: static HTML and a few lines of script
 * ({@code static/bff/web/}) that ask {@code GET /bff/web/api/me} who is signed in and show either
 * "Sign in" or the name, the points and "Sign out". Static rather than a server-side template: the
 * page uses the same JSON API and CSRF handling the full web UI of issue 7 will use, and needs no
 * template engine. Its links are relative, so it works at {@code http://localhost:8080/bff/web/}
 * (through the gateway) and at {@code http://localhost:8081/bff/web/} alike.
 */
@Configuration(proxyBeanMethods = false)
class HomePage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // Relative links need the trailing slash.
        registry.addRedirectViewController("/bff/web", "/bff/web/");
        registry.addViewController("/bff/web/").setViewName("forward:/bff/web/index.html");
    }
}
