package dev.bookrental.launcher.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * Entry point of the Kafka process the launcher starts: writes the broker configuration, formats
 * the log directory on first start (KRaft needs a cluster id), then runs the real broker.
 * Arguments: data directory, port. The controller listens on port + 1.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path logDir = dataDir.resolve("logs");
        Path config = dataDir.resolve("server.properties");
        Files.createDirectories(logDir);

        Properties broker = new Properties();
        broker.setProperty("process.roles", "broker,controller");
        broker.setProperty("node.id", "1");
        broker.setProperty("controller.quorum.voters", "1@127.0.0.1:" + (port + 1));
        broker.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
        broker.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        broker.setProperty("controller.listener.names", "CONTROLLER");
        broker.setProperty("inter.broker.listener.name", "PLAINTEXT");
        broker.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        broker.setProperty("log.dirs", logDir.toString());
        broker.setProperty("num.partitions", "3");
        broker.setProperty("auto.create.topics.enable", "true");
        broker.setProperty("offsets.topic.replication.factor", "1");
        broker.setProperty("offsets.topic.num.partitions", "10");
        broker.setProperty("transaction.state.log.replication.factor", "1");
        broker.setProperty("transaction.state.log.min.isr", "1");
        broker.setProperty("share.coordinator.state.topic.replication.factor", "1");
        broker.setProperty("share.coordinator.state.topic.min.isr", "1");
        broker.setProperty("group.initial.rebalance.delay.ms", "0");
        try (OutputStream out = Files.newOutputStream(config)) {
            broker.store(out, "Written by the Bookrental launcher at each start");
        }

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int exit = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, new PrintStream(System.out, true));
            if (exit != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed with " + exit);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }
}
