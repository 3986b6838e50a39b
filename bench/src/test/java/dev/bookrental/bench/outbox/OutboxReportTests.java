package dev.bookrental.bench.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.CpuUse;
import dev.bookrental.bench.RunFacts;

class OutboxReportTests {

    private static final Stage SATURATION = new Stage("saturation", new Pace.Saturation(), 50_000, true);
    private static final Stage PACED = new Stage("paced", new Pace.Fixed(500), 10_000, true);
    private static final OutboxPlan PLAN = new OutboxPlan(8, List.of(
            new Stage("warm-up", new Pace.Saturation(), 20_000, false), SATURATION, PACED));
    private static final RunFacts FACTS = new RunFacts("2026-11-26 08:00 UTC", 2, List.of("machine: 2 cores"));

    @Test
    void printsEachRoundItsCpuAndThePriceOfTheOutbox() {
        String report = print(List.of(
                result("plain", SATURATION, 50_000, 1.0, 4.0, 500, 900, cpu(0.02)),
                result("outbox", SATURATION, 50_000, 19.0, 20.0, 2_000, 3_600, cpu(0.02)),
                result("plain", PACED, 10_000, 20.0, 20.0, 5.5, 13.0, cpu(0.0)),
                result("outbox", PACED, 10_000, 20.0, 20.1, 68.5, 128.0, cpu(0.0))));

        assertThat(report).contains("## Outbox benchmark, 2026-11-26 08:00 UTC", "- machine: 2 cores",
                "- 8 sender threads; rounds, each way (plain, then outbox): warm-up 20,000 messages (not reported);"
                        + " saturation 50,000 messages; paced 10,000 messages at 500/s");
        assertThat(report).contains(
                "| saturation       | plain  |    50000 |    12500.0 |   500.0 |   900.0 |   900.0 |         1.00 |           170 |",
                "| paced 500/s      | outbox |    10000 |      497.5 |    68.5 |   128.0 |   128.0 |        20.00 |           170 |");
        // bench JVM 1.0 + kafka 0.5 + postgres 0.3 cores for 4 s, over 50,000 messages
        assertThat(report).contains("| saturation       | plain  |      1.00 |      0.50 |      0.30 |      0.02 |      0.18 |      0.144 |");
        assertThat(report).contains(
                "| saturation       |      0.20× |   4.0× |   4.0× |  +1500.0 ms |  +2700.0 ms |",
                "| paced 500/s      |      1.00× |  12.5× |   9.8× |    +63.0 ms |   +115.0 ms |");
        assertThat(report).doesNotContain("WARNING");
    }

    @Test
    void flagsARoundDuringWhichOtherProcessesWereBusy() {
        String report = print(List.of(
                result("plain", PACED, 10_000, 20.0, 20.0, 5.5, 13.0, cpu(0.5)),
                result("outbox", PACED, 10_000, 20.0, 20.1, 68.5, 128.0, cpu(0.0))));

        assertThat(report).contains("WARNING: during paced 500/s plain processes outside the benchmark used 0.50 cores");
    }

    @Test
    void aPlainRoundWithoutItsOutboxRoundIsAnError() {
        assertThatThrownBy(() -> print(List.of(result("plain", PACED, 10_000, 20.0, 20.0, 5.5, 13.0, cpu(0.0)))))
                .hasMessageContaining("No outbox round for paced 500/s");
    }

    private static String print(List<RoundResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new OutboxReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(FACTS, PLAN, results);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static RoundResult result(String way, Stage stage, int messages, double sendSeconds, double seconds,
            double p50, double p99, CpuUse cpu) {
        return new RoundResult(way, stage, messages, sendSeconds, seconds, p50, p99, p99, 170, cpu);
    }

    private static CpuUse cpu(double outside) {
        Map<String, Double> cores = new LinkedHashMap<>();
        cores.put(CpuMeter.THIS_JVM, 1.0);
        cores.put("kafka", 0.5);
        cores.put("postgres", 0.3);
        cores.put("others", 0.0);
        cores.put("outside", outside);
        cores.put("idle", 0.2 - outside);
        return new CpuUse(4.0, cores);
    }
}
