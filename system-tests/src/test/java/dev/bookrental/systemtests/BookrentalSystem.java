package dev.bookrental.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.bookrental.launcher.Bookrental;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.SystemTopology;

/**
 * Boots the whole system once per test run through the launcher's own code, with two book
 * instances and two bff-web instances, and stops it when the run ends. Test classes get it with
 * {@code @ExtendWith(BookrentalSystem.class)} and a {@link RunningSystem} or {@link Bookrental}
 * parameter.
 *
 * <p>The system runs from {@code .run/system-tests} with a copy of {@code config/}, so tests may
 * change configuration without touching the repository's files, and with the profile
 * {@value #PROFILE}: loans last seconds, so overdue loans and late fees happen within a test.
 */
public final class BookrentalSystem implements BeforeAllCallback, ParameterResolver {

    static final int BOOK_INSTANCES = 2;
    /** Two bff-web instances: a browser session must be served by either. */
    static final int BFF_WEB_INSTANCES = 2;
    /** The Spring profile of the tests' boot: rules on a test's time scale (config/rental-systemtest.yml). */
    static final String PROFILE = "systemtest";

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    private static RunningSystem system(ExtensionContext context) {
        Handle handle = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Handle.class, key -> Handle.boot(), Handle.class);
        if (handle.failure() != null) {
            throw new IllegalStateException("The system did not start (see .run/system-tests/logs)", handle.failure());
        }
        return handle.system();
    }

    private static RunningSystem boot() {
        Path home = Bookrental.home();
        Path runDir = home.resolve(".run/system-tests");
        Path configDir = runDir.resolve("config");
        copyConfig(home.resolve("config"), configDir);
        LaunchContext launch = new LaunchContext(home, runDir, configDir, List.of(PROFILE), Map.of());
        return RunningSystem.start(SystemTopology.bookrental(), launch, Map.of("book", BOOK_INSTANCES, "bff-web", BFF_WEB_INSTANCES), System.out);
    }

    private static void copyConfig(Path from, Path to) {
        try {
            Files.createDirectories(to);
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one boot of this run, closed by JUnit when the root context closes (after the last test
     * class). A failed boot is kept too, so later classes fail at once instead of booting again.
     */
    private record Handle(RunningSystem system, RuntimeException failure) implements AutoCloseable {

        static Handle boot() {
            try {
                return new Handle(BookrentalSystem.boot(), null);
            } catch (RuntimeException e) {
                return new Handle(null, e);
            }
        }

        @Override
        public void close() {
            if (system != null) {
                system.close();
            }
        }
    }
}
