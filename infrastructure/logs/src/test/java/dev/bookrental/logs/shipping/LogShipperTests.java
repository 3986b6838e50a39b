package dev.bookrental.logs.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipper against a real OpenSearch node: every line lands once, whatever is sent again, and
 * nothing moves while OpenSearch is away.
 */
class LogShipperTests {

    @TempDir
    static Path opensearchHome;
    private static OpenSearchProcess opensearch;

    @TempDir
    Path dir;

    @BeforeAll
    static void startOpenSearch() throws Exception {
        opensearch = OpenSearchProcess.start(opensearchHome.resolve("data"));
        new LogIndex(opensearch.uri()).ensureExists();
    }

    @AfterAll
    static void stopOpenSearch() throws InterruptedException {
        opensearch.close();
    }

    private LogShipper shipper(Path logs, Path checkpoints, int batch) throws Exception {
        return new LogShipper(new LogFileTailer(logs), new LogIndex(opensearch.uri()), Checkpoints.load(checkpoints),
                Duration.ofMillis(50), batch);
    }

    private static void drain(LogShipper shipper) throws Exception {
        while (shipper.shipOnce() > 0) {
            // until nothing is left
        }
    }

    @Test
    void aLineSentAgainOverwritesItsDocument() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("once"));
        Files.write(logs.resolve("book.json"), OpenSearchProcess.lines(50, "once"));
        long before = opensearch.count();

        drain(shipper(logs, dir.resolve("once.checkpoints"), 20));
        // A shipper that crashed after OpenSearch acknowledged but before it saved its positions:
        // it starts with none saved and sends all 50 lines again.
        drain(shipper(logs, dir.resolve("lost.checkpoints"), 20));

        assertThat(opensearch.count() - before).isEqualTo(50);
    }

    @Test
    void aRestartedShipperGoesOnFromItsCheckpoint() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("restart"));
        Path file = logs.resolve("rental.json");
        Path checkpoints = dir.resolve("restart.checkpoints");
        Files.write(file, OpenSearchProcess.lines(30, "restart"));
        long before = opensearch.count();

        LogShipper first = shipper(logs, checkpoints, 10);
        assertThat(first.shipOnce()).isEqualTo(10);
        assertThat(first.shipOnce()).isEqualTo(10); // then "killed": the third batch never sent

        Files.write(file, OpenSearchProcess.lines(30, "restart").stream().map(l -> l.replace("restart", "later")).toList(),
                StandardOpenOption.APPEND);
        LogShipper second = shipper(logs, checkpoints, 10);
        int sent = 0;
        for (int shipped; (shipped = second.shipOnce()) > 0; ) {
            sent += shipped;
        }
        assertThat(sent).as("only what the first one had not shipped").isEqualTo(40);
        assertThat(opensearch.count() - before).isEqualTo(60);
    }

    @Test
    void nothingMovesWhileOpenSearchIsDownAndAllArrivesAfter() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("outage"));
        Path checkpoints = dir.resolve("outage.checkpoints");
        Files.write(logs.resolve("member.json"), OpenSearchProcess.lines(25, "outage"));
        long before = opensearch.count();

        opensearch.kill();
        try {
            LogShipper shipper = shipper(logs, checkpoints, 100);
            assertThatThrownBy(shipper::shipOnce).isInstanceOf(RuntimeException.class);
            assertThat(Checkpoints.load(checkpoints).positions()).isEmpty();
        } finally {
            opensearch.start();
        }
        drain(shipper(logs, checkpoints, 100));
        assertThat(opensearch.count() - before).isEqualTo(25);
    }
}
