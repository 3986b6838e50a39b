package dev.bookrental.launcher.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.bookrental.launcher.ChildProcess;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.Infrastructure;
import dev.bookrental.launcher.JvmFlags;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.Running;

/** Zipkin server (the executable jar from Maven Central), keeping traces in memory locally. */
public final class Zipkin extends Infrastructure {

    public Zipkin(int port) {
        super("zipkin", port);
    }

    @Override
    public Running start(LaunchContext context) throws Exception {
        Path jar = extracted(context);
        List<String> command = new ArrayList<>(List.of(context.java()));
        command.addAll(JvmFlags.forService(context.cds().resolve("zipkin.aot"), jar.toString(), 192, true, context.jit()));
        command.addAll(List.of("-jar", jar.toString(),
                "--armeria.ports[0].port=" + port(),
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].protocols=http"));
        ChildProcess zipkin = ChildProcess.start(name(), command, context.home(),
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "50000"), context.logs().resolve("zipkin.log"),
                JvmFlags.stopGrace(command));
        Health.await(name(), Duration.ofSeconds(90), zipkin, () -> Health.httpOk(url() + "/health", b -> b.contains("UP")));
        return zipkin;
    }

    /**
     * The Zipkin server jar unpacked into a plain jar and its libraries (Spring Boot's
     * {@code jarmode=tools extract}), which the JVM's ahead-of-time cache can map, unlike classes
     * nested in an executable jar: it then starts in about 3 s instead of 8.
     */
    private static Path extracted(LaunchContext context) throws Exception {
        Path executable = context.home().resolve("launcher/target/infra/zipkin-server.jar");
        if (!Files.exists(executable)) {
            throw new IllegalStateException(executable + " is missing: run ./mvnw package first");
        }
        Path destination = context.home().resolve("launcher/target/infra/zipkin");
        Path jar = destination.resolve("zipkin-server.jar");
        if (!Files.exists(jar) || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(executable)) < 0) {
            Process extract = new ProcessBuilder(context.java(), "-Djarmode=tools", "-jar", executable.toString(),
                    "extract", "--force", "--destination", destination.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(context.logs().resolve("zipkin.log").toFile()))
                    .start();
            if (extract.waitFor() != 0 || !Files.exists(jar)) {
                throw new IllegalStateException("Could not unpack " + executable + " (see zipkin.log)");
            }
        }
        return jar;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }
}
