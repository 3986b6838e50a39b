package dev.bookrental.launcher.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.bookrental.launcher.ChildProcess;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.Infrastructure;
import dev.bookrental.launcher.JvmFlags;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.ModuleClasspath;
import dev.bookrental.launcher.Running;

/** Apache Kafka, one broker in KRaft mode (no ZooKeeper), in its own JVM; logs under .run/data/kafka. */
public final class Kafka extends Infrastructure {

    public Kafka(int port) {
        super("kafka", port);
    }

    @Override
    public Running start(LaunchContext context) throws Exception {
        Path dataDir = context.data().resolve("kafka");
        String classpath = ModuleClasspath.of(context.home().resolve("launcher"));
        List<String> command = new ArrayList<>(List.of(context.java()));
        command.addAll(JvmFlags.forService(context.cds().resolve("kafka.aot"), classpath, 320, true, context.jit()));
        command.addAll(List.of("-cp", classpath,
                KafkaBrokerMain.class.getName(), dataDir.toAbsolutePath().toString(), Integer.toString(port())));
        ChildProcess broker = ChildProcess.start(name(), command, context.home(), Map.of(), context.logs().resolve("kafka.log"),
                JvmFlags.stopGrace(command));
        Health.await(name(), Duration.ofSeconds(90), broker, this::clusterAnswers);
        return broker;
    }

    private boolean clusterAnswers() {
        if (!Health.portOpen(port())) {
            return false;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String url() {
        return "127.0.0.1:" + port();
    }
}
