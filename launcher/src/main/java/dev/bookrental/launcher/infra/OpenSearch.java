package dev.bookrental.launcher.infra;

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
import dev.bookrental.launcher.ModuleClasspath;
import dev.bookrental.launcher.Running;

/**
 * OpenSearch, the log store of central log aggregation: one node in its own JVM, started from the
 * {@code infrastructure/opensearch} module's class path (the real engine from Maven Central, no
 * security plugin locally); data under .run/data/opensearch, kept across restarts.
 */
public final class OpenSearch extends Infrastructure {

    /** Heap of the node: enough for the logs of a laptop's system, measured in docs/measurements.md. */
    private static final int HEAP_MB = 384;

    public OpenSearch(int port) {
        super("opensearch", port);
    }

    @Override
    public Running start(LaunchContext context) throws Exception {
        Path dataDir = context.data().resolve("opensearch");
        String classpath = ModuleClasspath.of(context.home().resolve("infrastructure/opensearch"));
        List<String> command = new ArrayList<>(List.of(context.java()));
        command.addAll(JvmFlags.forEngine(HEAP_MB));
        // OpenSearch's default thread stack (search and scripting recurse deeper than a service does).
        command.add("-Xss1m");
        // Lucene maps index files through the foreign memory API; said once here instead of a warning at every start.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(List.of("-cp", classpath, "dev.bookrental.opensearch.OpenSearchNode",
                dataDir.toAbsolutePath().toString(), Integer.toString(port())));
        ChildProcess node = ChildProcess.start(name(), command, context.home(), Map.of(), context.logs().resolve("opensearch.log"),
                JvmFlags.stopGrace(command));
        // A single node is yellow as soon as an index has a replica it cannot place: healthy here.
        Health.await(name(), Duration.ofSeconds(120), node,
                () -> Health.httpOk(url() + "/_cluster/health", b -> b.contains("\"status\":\"green\"") || b.contains("\"status\":\"yellow\"")));
        return node;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }
}
