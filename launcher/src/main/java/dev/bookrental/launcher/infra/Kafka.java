package dev.bookrental.launcher.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

import dev.bookrental.launcher.ChildProcess;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.Infrastructure;
import dev.bookrental.launcher.JvmFlags;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.ModuleClasspath;
import dev.bookrental.launcher.Running;

/** Apache Kafka, one broker in KRaft mode (no ZooKeeper), in its own JVM; logs under .run/data/kafka. */
public final class Kafka extends Infrastructure {

    private final List<String> permanentTopics = new ArrayList<>();

    public Kafka(int port) {
        super("kafka", port);
    }

    /**
     * Topics whose messages are kept for ever ({@code retention.ms=-1}) instead of the broker's 7
     * days: the facts topics, from which a read side rebuilds its views by replaying them from
     * offset 0. Created with the broker's defaults if missing, changed if they exist.
     */
    public Kafka withPermanentTopics(String... topics) {
        permanentTopics.addAll(List.of(topics));
        return this;
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
        keepForever();
        return broker;
    }

    private void keepForever() throws Exception {
        if (permanentTopics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = permanentTopics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> forever = new HashMap<>();
            for (String topic : permanentTopics) {
                forever.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(forever).all().get(10, TimeUnit.SECONDS);
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return properties;
    }

    private boolean clusterAnswers() {
        if (!Health.portOpen(port())) {
            return false;
        }
        try (Admin admin = Admin.create(adminProperties())) {
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
