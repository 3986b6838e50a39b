package dev.bookrental.logs.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file side of the shipper, on real files: positions, partial lines, rotation, truncation. */
class LogFileTailerTests {

    @TempDir
    Path dir;

    private Checkpoints checkpoints() throws IOException {
        return Checkpoints.load(dir.resolve("state").resolve("checkpoints.json")); // a folder the tailer does not read
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Reads until nothing is left, acknowledging each batch as the shipper does after OpenSearch took it. */
    private static List<String> drain(LogFileTailer tailer, Checkpoints checkpoints) throws IOException {
        List<String> texts = new ArrayList<>();
        while (true) {
            LogFileTailer.Batch batch = tailer.read(checkpoints, 2);
            if (batch.isEmpty()) {
                return texts;
            }
            batch.lines().forEach(line -> texts.add(line.text()));
            checkpoints.advance(batch.lines());
        }
    }

    @Test
    void readsOnlyCompleteLinesAndWaitsForTheRestOfAPartialOne() throws IOException {
        Path file = dir.resolve("book.json");
        append(file, "{\"n\":1}\n{\"n\":2}\n{\"n\":");
        LogFileTailer tailer = new LogFileTailer(dir);
        Checkpoints checkpoints = checkpoints();

        assertThat(drain(tailer, checkpoints)).containsExactly("{\"n\":1}", "{\"n\":2}");
        append(file, "3}\n");
        assertThat(drain(tailer, checkpoints)).containsExactly("{\"n\":3}");
        assertThat(drain(tailer, checkpoints)).isEmpty();
    }

    @Test
    void unacknowledgedLinesAreReadAgainWithTheSameOffsets() throws IOException {
        append(dir.resolve("book.json"), "a\nb\n");
        LogFileTailer tailer = new LogFileTailer(dir);
        Checkpoints checkpoints = checkpoints();

        List<LogLine> first = tailer.read(checkpoints, 10).lines();
        List<LogLine> again = tailer.read(checkpoints, 10).lines(); // OpenSearch did not acknowledge: nothing advanced
        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(LogLine::offset).containsExactly(0L, 2L);
    }

    @Test
    void positionsSurviveARestartThroughTheCheckpointFile() throws IOException {
        Path file = dir.resolve("book.json");
        append(file, "one\ntwo\n");
        LogFileTailer tailer = new LogFileTailer(dir);
        Checkpoints checkpoints = checkpoints();
        assertThat(drain(tailer, checkpoints)).containsExactly("one", "two");
        checkpoints.save();

        append(file, "three\n");
        assertThat(drain(new LogFileTailer(dir), checkpoints())).containsExactly("three");
    }

    @Test
    void aRotatedFileIsFinishedAndTheNewOneReadFromItsStart() throws IOException {
        Path active = dir.resolve("rental.json");
        append(active, "first\nsecond\n");
        LogFileTailer tailer = new LogFileTailer(dir);
        Checkpoints checkpoints = checkpoints();
        assertThat(drain(tailer, checkpoints)).containsExactly("first", "second");

        append(active, "third\n");                                       // written, not shipped yet...
        Files.move(active, dir.resolve("rental.json.2026-11-26.0"));     // ...when Logback rotates
        append(active, "fourth\n");                                      // the new file under the old name

        assertThat(drain(tailer, checkpoints)).containsExactlyInAnyOrder("third", "fourth");
    }

    @Test
    void aRenamedFileKeepsItsIdentity() throws IOException {
        Path file = dir.resolve("member.json");
        append(file, "{\"@timestamp\":\"2026-11-26T10:00:00Z\"}\n");
        String before = LogFileTailer.identify(file);
        Path rotated = Files.move(file, dir.resolve("member.json.2026-11-26.0"));
        assertThat(LogFileTailer.identify(rotated)).isEqualTo(before);
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsStart() throws IOException {
        Path file = dir.resolve("book.json");
        append(file, "head\nline two\nline three\n");
        LogFileTailer tailer = new LogFileTailer(dir);
        Checkpoints checkpoints = checkpoints();
        drain(tailer, checkpoints);

        Files.writeString(file, "head\nx\n"); // copy-and-truncate, same first line, shorter than the position
        assertThat(drain(tailer, checkpoints)).containsExactly("head", "x");
    }

    @Test
    void aFileWithoutACompleteFirstLineIsLeftForLater() throws IOException {
        append(dir.resolve("gateway.json"), "{\"still\":");
        LogFileTailer.Batch batch = new LogFileTailer(dir).read(checkpoints(), 10);
        assertThat(batch.lines()).isEmpty();
        assertThat(batch.presentFiles()).isEmpty();
    }

    @Test
    void forgetsFilesThatAreGone() throws IOException {
        Path old = dir.resolve("book.json.2026-11-20.0");
        append(old, "old\n");
        LogFileTailer tailer = new LogFileTailer(dir);
        Checkpoints checkpoints = checkpoints();
        drain(tailer, checkpoints);
        assertThat(checkpoints.positions()).hasSize(1);

        Files.delete(old);
        checkpoints.retainOnly(tailer.read(checkpoints, 10).presentFiles());
        assertThat(checkpoints.positions()).isEmpty();
    }
}
