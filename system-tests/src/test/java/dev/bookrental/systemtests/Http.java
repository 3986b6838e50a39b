package dev.bookrental.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for black-box tests: plain JDK client, JSON read with Jackson. */
final class Http {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String DISCOVERY = "http://127.0.0.1:8761";
    static final String CONFIG_SERVER = "http://127.0.0.1:8888";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    record Response(int status, String contentType, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET());
    }

    /** POST without a body, with extra headers given as name, value, name, value … */
    static Response post(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** GET of a page or an asset, as a browser asks for it. */
    static Response page(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*").GET());
    }

    /** GET with extra headers, given as name, value, name, value … */
    static Response get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** POST of a JSON body with extra headers, given as name, value, name, value … */
    static Response postJson(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number of requests an instance has served for one URI template (Micrometer metric). */
    static long servedRequests(String instanceBaseUrl, String uriTemplate) {
        Response response = get(instanceBaseUrl + "/actuator/metrics/http.server.requests?tag="
                + java.net.URLEncoder.encode("uri:" + uriTemplate, java.nio.charset.StandardCharsets.UTF_8));
        if (response.status() == 404) {
            return 0; // no request for that URI yet
        }
        for (JsonNode measurement : response.json().get("measurements")) {
            if (measurement.get("statistic").asString().equals("COUNT")) {
                return measurement.get("value").asLong();
            }
        }
        throw new IllegalStateException("No COUNT in " + response.raw().body());
    }
}
