package dev.bookrental.logs.shipping;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenSearch index all log lines go to, spoken to over its REST API: created with an
 * explicit mapping (the fields searched on, {@code dynamic: false} so no log line can ever clash
 * with the mapping and be refused), bulk writes, searches.
 *
 * <p>A plain {@link RestClient} of its own, not Spring Boot's instrumented builder: the shipper's
 * own requests would otherwise each become a trace in Zipkin, several a second, forever.
 */
public final class LogIndex {

    public static final String NAME = "bookrental-logs";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MAPPING = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "1s"},
              "mappings": {
                "dynamic": false,
                "properties": {
                  "@timestamp": {"type": "date_nanos"},
                  "message": {"type": "text"},
                  "service": {"properties": {"name": {"type": "keyword"}, "node": {"properties": {"name": {"type": "keyword"}}}}},
                  "log": {"properties": {"level": {"type": "keyword"}, "logger": {"type": "keyword"}, "offset": {"type": "long"},
                                         "file": {"properties": {"path": {"type": "keyword"}}}}},
                  "trace": {"properties": {"id": {"type": "keyword"}}},
                  "span": {"properties": {"id": {"type": "keyword"}}},
                  "error": {"properties": {"type": {"type": "keyword"}, "message": {"type": "text"}}}
                }
              }
            }
            """;

    private final RestClient http;

    public LogIndex(URI opensearch) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().baseUrl(opensearch.toString()).requestFactory(requests).build();
    }

    /** Creates the index with its mapping unless it exists. */
    public void ensureExists() {
        boolean exists = http.head().uri("/{index}", NAME).exchange((request, response) -> response.getStatusCode().is2xxSuccessful());
        if (!exists) {
            http.put().uri("/{index}", NAME).contentType(MediaType.APPLICATION_JSON).body(MAPPING)
                    .exchange((request, response) -> {
                        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        // Two starts racing: the other one created it, which is all we wanted.
                        if (!response.getStatusCode().is2xxSuccessful() && !body.contains("resource_already_exists_exception")) {
                            throw new IllegalStateException("Creating index " + NAME + " failed: " + response.getStatusCode() + " " + body);
                        }
                        return null;
                    });
        }
    }

    /**
     * Writes the documents in one bulk request and returns only when OpenSearch took every one of
     * them; otherwise throws, and the caller sends the same documents again (same ids: overwritten).
     */
    public void write(List<LogDocument> documents) {
        StringBuilder body = new StringBuilder();
        for (LogDocument document : documents) {
            ObjectNode action = JSON.createObjectNode();
            action.putObject("index").put("_index", NAME).put("_id", document.id());
            body.append(JSON.writeValueAsString(action)).append('\n')
                    .append(JSON.writeValueAsString(document.source())).append('\n');
        }
        JsonNode response = http.post().uri("/_bulk")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body.toString())
                .retrieve()
                .body(JsonNode.class);
        if (response == null || response.path("errors").asBoolean(true)) {
            throw new IllegalStateException("OpenSearch refused part of a bulk of " + documents.size() + ": " + firstError(response));
        }
    }

    private static String firstError(JsonNode response) {
        if (response == null) {
            return "no answer";
        }
        for (JsonNode item : response.path("items")) {
            JsonNode error = item.path("index").path("error");
            if (!error.isMissingNode()) {
                return error.toString();
            }
        }
        return "no item error given";
    }

    /** Runs a search request (query DSL) and returns the hits' sources and the total. */
    public Hits search(ObjectNode request) {
        JsonNode response = http.post().uri("/{index}/_search", NAME)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(request))
                .exchange((req, res) -> {
                    if (res.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return null; // nothing shipped yet: no index, no lines
                    }
                    if (!res.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("OpenSearch search failed: " + res.getStatusCode()
                                + " " + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    }
                    return JSON.readTree(res.getBody());
                });
        if (response == null) {
            return new Hits(0, List.of());
        }
        List<JsonNode> sources = new ArrayList<>();
        response.path("hits").path("hits").forEach(hit -> sources.add(hit.path("_source")));
        return new Hits(response.path("hits").path("total").path("value").asLong(), sources);
    }

    public record Hits(long total, List<JsonNode> sources) {
    }
}
