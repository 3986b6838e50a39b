package dev.bookrental.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/** What the Zipkin server of the system knows of a trace, over its API (v2). */
final class Zipkin {

    static final String URL = "http://127.0.0.1:9411";
    /** Services report their spans asynchronously, in batches: how long a trace may take to be complete. */
    static final Duration REPORTED = Duration.ofSeconds(30);

    private Zipkin() {
    }

    /** One span as Zipkin stores it. */
    record Span(String traceId, String service, String kind, String name, JsonNode tags) {

        /** Whether the span is about {@code topic}: a Kafka send or receive names its destination in a tag or its name. */
        boolean concerns(String topic) {
            if (name.contains(topic)) {
                return true;
            }
            for (JsonNode value : tags) {
                if (value.asString().equals(topic)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The spans of the trace, empty while Zipkin has none. */
    static List<Span> trace(String traceId) {
        Http.Response response = Http.get(URL + "/api/v2/trace/" + traceId);
        List<Span> spans = new ArrayList<>();
        if (response.status() != 200) {
            return spans;
        }
        for (JsonNode span : response.json()) {
            JsonNode endpoint = span.get("localEndpoint");
            spans.add(new Span(span.get("traceId").asString(),
                    endpoint == null || endpoint.get("serviceName") == null ? "" : endpoint.get("serviceName").asString(),
                    span.has("kind") ? span.get("kind").asString() : "", span.has("name") ? span.get("name").asString() : "",
                    span.has("tags") ? span.get("tags") : Http.json("{}")));
        }
        return spans;
    }

    /** Waits until the trace's spans satisfy {@code assertions}: the services report asynchronously. */
    static void assertTrace(String traceId, Consumer<List<Span>> assertions) {
        await().atMost(REPORTED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertions.accept(trace(traceId)));
    }
}
