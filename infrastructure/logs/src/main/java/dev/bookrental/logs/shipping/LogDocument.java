package dev.bookrental.logs.shipping;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenSearch document for one log line, under an id made of the line's file identity and
 * offset: sending the same line twice writes the same document twice, never two documents.
 *
 * <p>An ECS line is kept as written (OpenSearch's mapping indexes the fields searched on and keeps
 * the rest in the source), plus where it came from ({@code log.file.path}, {@code log.offset}, the
 * tie-breaker when two lines share a timestamp). A line that is not JSON, such as the half line a
 * process killed mid-write leaves before its successor's first line, is kept too, whole, as the
 * message of an {@code UNKNOWN}-level document: nothing written to a log file is dropped.
 */
public record LogDocument(String id, ObjectNode source) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static LogDocument of(LogLine line) {
        ObjectNode source = parse(line.text());
        if (source == null) {
            source = JSON.createObjectNode();
            source.put("@timestamp", fileTime(line));
            source.putObject("log").put("level", "UNKNOWN");
            source.put("message", line.text());
        }
        if (source.path("service").path("name").isMissingNode()) {
            source.withObjectProperty("service").put("name", serviceOf(line));
        }
        // Micrometer's MDC names, or ECS names written as one dotted key: nested as ECS has them.
        moveToEcs(source, "traceId", "trace");
        moveToEcs(source, "spanId", "span");
        moveToEcs(source, "trace.id", "trace");
        moveToEcs(source, "span.id", "span");
        ObjectNode log = source.withObjectProperty("log");
        log.withObjectProperty("file").put("path", line.path().getFileName().toString());
        log.put("offset", line.offset());
        return new LogDocument(line.fileId() + "-" + line.offset(), source);
    }

    private static ObjectNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object && isTimestamp(object.path("@timestamp").asString(""))) {
                return object;
            }
            return null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static boolean isTimestamp(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void moveToEcs(ObjectNode source, String mdcName, String ecsObject) {
        JsonNode value = source.remove(mdcName);
        if (value != null && value.isString() && !value.asString().equals("-") && source.path(ecsObject).path("id").isMissingNode()) {
            source.withObjectProperty(ecsObject).put("id", value.asString());
        }
    }

    /** The instance a file belongs to, from its name: {@code book-2.json.2026-11-26.0} → {@code book-2}. */
    static String serviceOf(LogLine line) {
        String name = line.path().getFileName().toString();
        return name.substring(0, name.indexOf(".json"));
    }

    private static String fileTime(LogLine line) {
        try {
            return java.nio.file.Files.getLastModifiedTime(line.path()).toInstant().toString();
        } catch (java.io.IOException e) {
            return Instant.EPOCH.toString();
        }
    }
}
