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
        Path jar = context.home().resolve("launcher/target/infra/zipkin-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(context.java()));
        command.addAll(JvmFlags.forEngine(192));
        command.addAll(List.of("-jar", jar.toString(),
                "--armeria.ports[0].port=" + port(),
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].protocols=http"));
        ChildProcess zipkin = ChildProcess.start(name(), command, context.home(),
                Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "200000"), context.logs().resolve("zipkin.log"));
        Health.await(name(), Duration.ofSeconds(90), zipkin, () -> Health.httpOk(url() + "/health", b -> b.contains("UP")));
        return zipkin;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }
}
