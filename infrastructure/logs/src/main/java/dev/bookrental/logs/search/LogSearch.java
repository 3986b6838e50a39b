package dev.bookrental.logs.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Service;

import dev.bookrental.logs.shipping.LogIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Searching the shipped lines: exact filters on trace id, service, level and time, full text on
 * the message. Answers the latest matching lines, oldest first, so a trace reads top to bottom.
 */
@Service
public class LogSearch {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LogIndex index;

    public LogSearch(LogIndex index) {
        this.index = index;
    }

    /** What to look for; null means "any". */
    public record Criteria(String traceId, String service, String level, Instant from, Instant to, String text, int size) {
    }

    /** One line as the API shows it. */
    public record Line(String timestamp, String service, String instance, String level, String logger, String message,
            String traceId, String spanId, String error) {
    }

    public record Result(long total, List<Line> lines) {
    }

    public Result find(Criteria criteria) {
        ObjectNode request = JSON.createObjectNode();
        request.put("size", criteria.size());
        request.put("track_total_hits", true);
        ArrayNode filters = request.putObject("query").putObject("bool").putArray("filter");
        term(filters, "trace.id", criteria.traceId());
        term(filters, "service.name", criteria.service());
        term(filters, "log.level", criteria.level());
        if (criteria.from() != null || criteria.to() != null) {
            ObjectNode range = filters.addObject().putObject("range").putObject("@timestamp");
            if (criteria.from() != null) {
                range.put("gte", criteria.from().toString());
            }
            if (criteria.to() != null) {
                range.put("lte", criteria.to().toString());
            }
        }
        if (criteria.text() != null) {
            filters.addObject().putObject("simple_query_string")
                    .put("query", criteria.text()).put("default_operator", "and").putArray("fields").add("message");
        }
        ArrayNode sort = request.putArray("sort");
        sort.addObject().putObject("@timestamp").put("order", "desc");
        sort.addObject().putObject("log.offset").put("order", "desc");

        LogIndex.Hits hits = index.search(request);
        List<Line> lines = new ArrayList<>(hits.sources().stream().map(LogSearch::line).toList());
        Collections.reverse(lines);
        return new Result(hits.total(), lines);
    }

    private static void term(ArrayNode filters, String field, String value) {
        if (value != null) {
            filters.addObject().putObject("term").put(field, value);
        }
    }

    private static Line line(JsonNode source) {
        JsonNode error = source.path("error");
        return new Line(source.path("@timestamp").asString(null), source.path("service").path("name").asString(null),
                source.path("service").path("node").path("name").asString(null), source.path("log").path("level").asString(null),
                source.path("log").path("logger").asString(null), source.path("message").asString(null),
                source.path("trace").path("id").asString(null), source.path("span").path("id").asString(null),
                error.isMissingNode() ? null : error.path("stack_trace").asString(error.path("message").asString(null)));
    }
}
