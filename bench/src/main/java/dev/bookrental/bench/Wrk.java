package dev.bookrental.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk, the HTTP load generator of Debian's {@code wrk} package, against one URL and reads
 * its results from a Lua {@code done()} hook that prints one parseable line.
 */
final class Wrk {

    private static final Path BINARY = Path.of("/usr/bin/wrk");

    /** Prints the summary in microseconds; every wrk thread runs the request hook in its own Lua state. */
    private static final String DONE_HOOK = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d\\n",
                summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(99)))
            end
            """;

    private final Path binary;

    private Wrk(Path binary) {
        this.binary = binary;
    }

    /**
     * The installed wrk. When it is missing, installs it with apt-get only if running as root or
     * when {@code BOOKRENTAL_INSTALL=1} (then through sudo); otherwise says how to install it.
     */
    static Wrk installed() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return new Wrk(BINARY);
        }
        System.out.println("wrk (the HTTP load generator) is not installed; on Debian/Ubuntu: sudo apt-get install -y wrk");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && !"1".equals(System.getenv("BOOKRENTAL_INSTALL"))) {
            throw new IllegalStateException("wrk is missing: install it (or run with BOOKRENTAL_INSTALL=1) and try again");
        }
        List<String> command = root ? List.of("apt-get", "install", "-y", "wrk") : List.of("sudo", "apt-get", "install", "-y", "wrk");
        System.out.println("Installing it now: " + String.join(" ", command));
        ProcessBuilder install = new ProcessBuilder(command).inheritIO();
        install.environment().put("DEBIAN_FRONTEND", "noninteractive");
        if (install.start().waitFor() != 0 || !Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Installing wrk failed; try: apt-get update && apt-get install -y wrk");
        }
        return new Wrk(BINARY);
    }

    /** The first line of {@code wrk -v}, e.g. "wrk 4.1.0 [epoll] Copyright (C) 2012 Will Glozer". */
    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().findFirst().orElse("wrk").strip();
    }

    /**
     * One bounded run: {@code requestHook} is Lua defining {@code request()} (empty for a fixed
     * path); {@code headers} ({@code "Name: value"}) go with every request, a {@code request()}
     * hook's too ({@code wrk.format} adds them); the run is killed if it lasts 30 s longer than asked.
     */
    WrkResult run(String url, String requestHook, Load load, List<String> headers) throws IOException, InterruptedException {
        Path script = Files.createTempFile("bookrental-wrk-", ".lua");
        Path output = Files.createTempFile("bookrental-wrk-", ".out");
        try {
            Files.writeString(script, requestHook + DONE_HOOK);
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--threads", Integer.toString(load.threads()),
                    "--connections", Integer.toString(load.connections()),
                    "--duration", load.duration().toSeconds() + "s",
                    "--timeout", "5s",
                    "--script", script.toString()));
            headers.forEach(header -> command.addAll(List.of("--header", header)));
            command.add(url);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            if (!process.waitFor(load.duration().toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not end in time against " + url);
            }
            return parse(Files.readString(output), url);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(output);
        }
    }

    private static WrkResult parse(String output, String url) {
        String line = output.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result for " + url + ":\n" + output));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring("BENCH ".length()).split(" ")) {
            String[] keyValue = pair.split("=", 2);
            values.put(keyValue[0], Long.parseLong(keyValue[1]));
        }
        return new WrkResult(values.get("requests"), values.get("duration_us") / 1e6, values.get("status_errors"),
                values.get("socket_errors"), values.get("p50_us") / 1000.0, values.get("p99_us") / 1000.0);
    }
}
