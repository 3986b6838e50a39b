package dev.bookrental.bench.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;

class CpuByPhaseTests {

    private final CpuByPhase cpu = new CpuByPhase(null);

    @Test
    void printsEachProcessBusiestFirstAndTheSystemsCpuPerRequestBeyondItsUseAtRest() {
        cpu.add(phase("at rest", 0, 0.10, 0.20, 0.01, 1.65));
        cpu.add(phase("book detail, 5/s", 5, 0.50, 0.80, 0.10, 0.55));
        cpu.add(phase("projection lag", 0, 0.30, 0.30, 0.20, 1.15));

        String report = print();

        assertThat(report).contains("| process | at rest | book detail, 5/s | projection lag |");
        assertThat(report.indexOf("| book | 0.20 | 0.80 | 0.30 |")).as("the busiest process first")
                .isPositive().isLessThan(report.indexOf("| gateway | 0.10 | 0.50 | 0.30 |"));
        assertThat(report).contains("| the benchmark's JVM (load and polls) | 0.01 | 0.10 | 0.20 |",
                "| **system (all but the benchmark)** | 0.30 | 1.30 | 0.60 |",
                "| idle | 1.65 | 0.55 | 1.15 |");
        // (1.30 - 0.30) cores at 5 requests a second; the lag phase is not one kind of request
        assertThat(report).contains("beyond its use at rest (0.30 cores)", "- book detail, 5/s: 200.0 ms")
                .doesNotContain("- projection lag");
    }

    @Test
    void withoutAMeasurementAtRestThereIsNoCpuPerRequest() {
        cpu.add(phase("book detail, 5/s", 5, 0.50, 0.80, 0.10, 0.55));

        assertThat(print()).contains("| gateway | 0.50 |").doesNotContain("per request");
    }

    private static CpuByPhase.Phase phase(String name, int perSecond, double gateway, double book, double bench, double idle) {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put("gateway", gateway);
        cores.put("book", book);
        cores.put(CpuMeter.THIS_JVM, bench);
        cores.put("others", 0.0);
        cores.put("outside", 0.05);
        cores.put("idle", idle);
        return new CpuByPhase.Phase(name, perSecond, new CpuUse(10, cores));
    }

    private String print() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cpu.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
