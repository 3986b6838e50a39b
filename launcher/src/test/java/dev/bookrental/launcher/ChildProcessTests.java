package dev.bookrental.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTests {

    @Test
    void startsAnExecutableOnceItsLastWriterClosesIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("hello.sh");
        Files.writeString(script, "#!/bin/sh\necho hello\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        OutputStream writer = Files.newOutputStream(script, java.nio.file.StandardOpenOption.APPEND);
        // While a descriptor is open for writing the kernel refuses to run the file ("Text file busy").
        assertThatIOException().isThrownBy(() -> new ProcessBuilder(script.toString()).start())
                .withMessageContaining("Text file busy");
        CompletableFuture<ChildProcess> started = CompletableFuture.supplyAsync(() -> {
            try {
                return ChildProcess.start("hello", List.of(script.toString()), dir, Map.of(), dir.resolve("hello.log"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // Still waiting, the whole time the writer holds the file open.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !started.isDone());
        writer.close();

        ChildProcess hello = started.get(5, TimeUnit.SECONDS);
        assertThat(hello.process().waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(hello.process().exitValue()).isZero();
        assertThat(Files.readString(hello.log(), StandardCharsets.UTF_8)).contains("hello");
    }

    @Test
    void otherFailuresToStartAreNotRetried(@TempDir Path dir) {
        long begin = System.nanoTime();

        assertThatIOException().isThrownBy(() -> ChildProcess.start("missing", List.of(dir.resolve("missing").toString()), dir,
                Map.of(), dir.resolve("missing.log")));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)).isLessThan(ChildProcess.TEXT_FILE_BUSY_PATIENCE.toMillis());
    }

    @Test
    void everyEngineIsPreparedBeforeAnyProcessStarts(@TempDir Path home) throws IOException {
        List<String> events = new CopyOnWriteArrayList<>();
        Topology topology = new Topology();
        topology.add(new Recording("first", freePort(), events));
        topology.add(new Recording("second", freePort(), events));
        topology.add(new Recording("third", freePort(), events));
        LaunchContext context = new LaunchContext(home, home.resolve(".run"), home.resolve("config"), List.of(), Map.of());

        try (RunningSystem system = RunningSystem.start(topology, context, Map.of(), new PrintStream(OutputStream.nullOutputStream()))) {
            assertThat(events).hasSize(6);
            assertThat(events.subList(0, 3)).containsExactly("prepare first", "prepare second", "prepare third");
            assertThat(events.subList(3, 6)).containsExactlyInAnyOrder("start first", "start second", "start third");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Recording extends Infrastructure {

        private final List<String> events;

        Recording(String name, int port, List<String> events) {
            super(name, port);
            this.events = events;
        }

        @Override
        public void prepare(LaunchContext context) {
            events.add("prepare " + name());
        }

        @Override
        public Running start(LaunchContext context) {
            events.add("start " + name());
            return new Running() {
                @Override
                public long pid() {
                    return -1;
                }

                @Override
                public void stop() {
                    // nothing runs
                }

                @Override
                public boolean isAlive() {
                    return true;
                }
            };
        }

        @Override
        public String url() {
            return "test://" + name();
        }
    }
}
