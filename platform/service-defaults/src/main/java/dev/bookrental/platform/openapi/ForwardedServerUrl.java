package dev.bookrental.platform.openapi;

import java.net.URI;

import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.http.HttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * The server an OpenAPI spec names is the address its reader called. Fetched through the gateway
 * ({@code GET /v3/api-docs/book}), that is the gateway, whose {@code X-Forwarded-Host}, {@code -Port}
 * and {@code -Proto} headers say how the client reached it; so "Try it out" in the Swagger UI goes
 * through the gateway, not around it to one instance. Only the spec honours these headers: the
 * service's other answers do not depend on them, so a forged header changes no more than the
 * server the forger himself is shown.
 */
public class ForwardedServerUrl implements ServerBaseUrlCustomizer {

    @Override
    public String customize(String serverBaseUrl, HttpRequest request) {
        if (request == null) {
            return serverBaseUrl;
        }
        return ForwardedHeaderUtils.adaptFromForwardedHeaders(URI.create(serverBaseUrl), request.getHeaders())
                .build()
                .toUriString();
    }
}
