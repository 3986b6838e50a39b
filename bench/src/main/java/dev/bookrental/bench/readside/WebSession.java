package dev.bookrental.bench.readside;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session at bff-web, through the gateway on {@code localhost:8080}: signed in as a
 * browser does it (bff-web → auth's login page → back to bff-web with the code), after which the
 * browser holds only bff-web's session cookie. Redirects are followed by hand so each step is checked.
 */
final class WebSession implements AutoCloseable {

    /** bff-web through the gateway, by the host name its session cookie is set for. */
    static final String BFF_WEB = "http://localhost:8080/bff/web";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final int MAX_REDIRECTS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private WebSession() {
    }

    static WebSession signIn(String username, String password) throws IOException, InterruptedException {
        WebSession browser = new WebSession();
        URI loginPage = browser.redirect(browser.page(URI.create(BFF_WEB + "/oauth2/authorization/bookrental")), "to auth");
        loginPage = browser.redirect(browser.page(loginPage), "to the login page");
        HttpResponse<String> form = browser.page(loginPage);
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("No login form at " + loginPage + ": HTTP " + form.statusCode());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        URI next = browser.redirect(browser.http.send(HttpRequest.newBuilder(loginPage.resolve(loginPage.getRawPath())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString()), "log in");
        for (int hop = 0; hop < MAX_REDIRECTS && !next.toString().startsWith(BFF_WEB + "/") ; hop++) {
            next = browser.redirect(browser.page(next), "back to bff-web");
        }
        browser.redirect(browser.page(next), "the code at bff-web"); // bff-web redeems the code, then sends the browser home
        HttpResponse<String> me = browser.get("/api/me");
        if (me.statusCode() != 200) {
            throw new IllegalStateException("Not signed in at bff-web: /api/me answered " + me.statusCode() + " " + me.body());
        }
        return browser;
    }

    /** A JSON GET under bff-web with the session cookie. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(BFF_WEB + path)).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI redirect(HttpResponse<String> response, String step) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("Sign-in at bff-web, " + step + ": HTTP " + response.statusCode() + " at " + response.uri());
        }
        return response.uri().resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Sign-in at bff-web, " + step + ": a redirect without Location")));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        http.close();
    }
}
