package dev.bookrental.logs.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LogDocumentTests {

    private static final String ECS = """
            {"@timestamp":"2026-11-26T10:15:00.067462556Z","log":{"level":"INFO","logger":"dev.bookrental.rental.saga.RentSaga"},\
            "service":{"name":"rental","node":{"name":"rental"}},"message":"copy reserved",\
            "trace":{"id":"4bf92f3577b34da6a3ce929d0e0e4736"},"span":{"id":"00f067aa0ba902b7"},"ecs":{"version":"8.11"}}""";

    @Test
    void theIdIsTheLinesFileIdentityAndOffset() {
        LogLine line = new LogLine("abc", Path.of("rental.json"), 1234, 1500, ECS);
        assertThat(LogDocument.of(line).id()).isEqualTo("abc-1234");
        assertThat(LogDocument.of(line)).isEqualTo(LogDocument.of(line));
    }

    @Test
    void keepsTheEcsFieldsAndAddsWhereTheLineCameFrom() {
        var source = LogDocument.of(new LogLine("abc", Path.of("/run/logs/json/rental.json.2026-11-26.0"), 77, 99, ECS)).source();
        assertThat(source.path("trace").path("id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(source.path("service").path("name").asString()).isEqualTo("rental");
        assertThat(source.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(source.path("log").path("offset").asLong()).isEqualTo(77);
        assertThat(source.path("log").path("file").path("path").asString()).isEqualTo("rental.json.2026-11-26.0");
    }

    @Test
    void movesMicrometersMdcNamesToEcsNames() {
        String line = "{\"@timestamp\":\"2026-11-26T10:15:00Z\",\"message\":\"m\",\"traceId\":\"aaaa\",\"spanId\":\"bbbb\"}";
        var source = LogDocument.of(new LogLine("f", Path.of("book-2.json"), 0, 10, line)).source();
        assertThat(source.path("trace").path("id").asString()).isEqualTo("aaaa");
        assertThat(source.path("span").path("id").asString()).isEqualTo("bbbb");
        assertThat(source.has("traceId")).isFalse();
        assertThat(source.path("service").path("name").asString()).isEqualTo("book-2");
    }

    @Test
    void keepsALineThatIsNotJsonAsItsMessage() {
        String garbage = "{\"@timestamp\":\"2026-11-26T10:15:00Z\",\"mess{\"@timestamp\":\"2026-11-26T10:15:01Z\"}";
        var source = LogDocument.of(new LogLine("f", Path.of("book.json"), 0, 10, garbage)).source();
        assertThat(source.path("message").asString()).isEqualTo(garbage);
        assertThat(source.path("log").path("level").asString()).isEqualTo("UNKNOWN");
        assertThat(source.path("service").path("name").asString()).isEqualTo("book");
        assertThat(source.path("@timestamp").asString()).isNotBlank();
    }
}
