package dev.bookrental.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmFlagsTests {

    private static final Instant EARLIER = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-01T11:00:00Z");

    @TempDir
    Path dir;

    private Path cache;
    private Path jar;
    private Path classes;
    private String classpath;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "AOT cache flags are for JDK 25 and newer");
        cache = dir.resolve("book.aot");
        jar = Files.writeString(dir.resolve("book.jar"), "jar");
        classes = Files.createDirectories(dir.resolve("classes"));
        classpath = jar + File.pathSeparator + classes;
    }

    @Test
    void recordsCacheWithC1OnlyWhenCacheIsMissing() {
        List<String> flags = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);

        assertThat(flags).contains("-XX:AOTCacheOutput=" + cache, "-XX:TieredStopAtLevel=1", "-Xmx200m")
                .noneMatch(flag -> flag.startsWith("-XX:AOTCache="));
    }

    @Test
    void recordsClassesButNotTheC1OnlyRunsCompilationLevels() {
        List<String> flags = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);

        assertThat(flags).containsSubsequence("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");
    }

    @Test
    void startupModeKeepsC1OnlyWithACurrentCache() throws IOException {
        touch(jar, EARLIER);
        touch(classes, EARLIER);
        touch(Files.writeString(cache, "cache"), LATER);

        List<String> flags = JvmFlags.forService(cache, classpath, 200, true, Jit.STARTUP);

        assertThat(flags).contains("-XX:AOTCache=" + cache, "-XX:TieredStopAtLevel=1");
    }

    @Test
    void secondInstanceDoesNotRecordTheCache() {
        List<String> flags = JvmFlags.forService(cache, classpath, 200, false, Jit.THROUGHPUT);

        assertThat(flags).contains("-XX:TieredStopAtLevel=1")
                .noneMatch(flag -> flag.startsWith("-XX:AOTCacheOutput"))
                .noneMatch(flag -> flag.startsWith("-XX:AOTCache="));
    }

    @Test
    void usesCacheNewerThanEveryClassPathEntry() throws IOException {
        touch(jar, EARLIER);
        touch(classes, EARLIER);
        touch(Files.writeString(cache, "cache"), LATER);

        List<String> flags = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);

        assertThat(flags).contains("-XX:AOTCache=" + cache)
                .doesNotContain("-XX:TieredStopAtLevel=1")
                .noneMatch(flag -> flag.startsWith("-XX:AOTCacheOutput"));
    }

    @Test
    void ignoresClassPathEntriesThatDoNotExist() throws IOException {
        touch(jar, EARLIER);
        touch(classes, EARLIER);
        touch(Files.writeString(cache, "cache"), LATER);

        List<String> flags = JvmFlags.forService(cache, classpath + File.pathSeparator + dir.resolve("gone.jar"), 200, true, Jit.THROUGHPUT);

        assertThat(flags).contains("-XX:AOTCache=" + cache);
    }

    @Test
    void recordsAgainWhenAClassPathJarIsNewerThanTheCache() throws IOException {
        touch(Files.writeString(cache, "cache"), EARLIER);
        touch(classes, EARLIER);
        touch(jar, LATER);

        List<String> flags = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);

        assertThat(flags).contains("-XX:AOTCacheOutput=" + cache, "-XX:TieredStopAtLevel=1")
                .noneMatch(flag -> flag.startsWith("-XX:AOTCache="));
    }

    @Test
    void givesAJvmWithoutItsCacheLongerToStart() throws IOException {
        List<String> withoutCache = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);
        touch(Files.writeString(cache, "cache"), LATER);
        touch(classes, EARLIER);
        touch(jar, EARLIER);
        List<String> withCache = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);

        assertThat(withCache).contains("-XX:AOTCache=" + cache);
        assertThat(JvmFlags.startupTimeout(withoutCache)).isGreaterThan(JvmFlags.startupTimeout(withCache));
    }

    @Test
    void givesARecordingJvmLongerToStop() {
        List<String> recording = JvmFlags.forService(cache, classpath, 200, true, Jit.THROUGHPUT);
        List<String> notRecording = JvmFlags.forService(cache, classpath, 200, false, Jit.THROUGHPUT);

        assertThat(JvmFlags.stopGrace(recording)).isGreaterThan(JvmFlags.stopGrace(notRecording));
        assertThat(JvmFlags.stopGrace(notRecording)).isEqualTo(ChildProcess.GRACE);
    }

    private static Path touch(Path path, Instant time) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(time));
        return path;
    }
}
