package dev.bookrental.bench.outbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.bookrental.bench.BenchPostgres;
import dev.bookrental.bench.CpuMeter;
import dev.bookrental.bench.Machine;
import dev.bookrental.bench.RunFacts;
import dev.bookrental.launcher.Jit;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.RunningSystem;
import dev.bookrental.launcher.Topology;
import dev.bookrental.launcher.infra.Kafka;
import dev.bookrental.platform.messaging.MessagingKafkaClients;
import dev.bookrental.platform.messaging.MessagingProperties;
import dev.bookrental.platform.messaging.Outbox;

/**
 * The outbox benchmark ({@code ./bookrental bench outbox}, see bench/README.md): starts one Kafka
 * broker and PostgreSQL with the launcher's code in .run/bench/outbox (data wiped first, so every
 * run starts alike), runs the producing service in this JVM, sends the same messages plainly and
 * through the outbox, prints the figures and stops everything.
 */
public final class OutboxBenchmarks {

    private static final int KAFKA_PORT = 9092;
    /** The ports it needs: the running system's own Kafka (broker and controller) and PostgreSQL ports. */
    public static final Map<Integer, String> PORTS = Map.of(KAFKA_PORT, "Kafka", KAFKA_PORT + 1, "Kafka's controller",
            BenchPostgres.PORT, "PostgreSQL");

    private static final String DATABASE = "outbox_bench";
    private static final String TOPIC = "bench.book-events";
    /** As many as the system's topics get from the launcher's broker; one replica, the only broker. */
    private static final int PARTITIONS = 3;

    private OutboxBenchmarks() {
    }

    public static void run(Path home, PrintStream out) throws Exception {
        Path runDir = BenchPostgres.freshRunFolder(home, "outbox");
        Topology engines = new Topology();
        engines.add(new Kafka(KAFKA_PORT));
        engines.add(BenchPostgres.durable(DATABASE));
        RunningSystem system = RunningSystem.create(engines, new LaunchContext(home, runDir, home.resolve("config"), List.of(),
                Map.of(), Jit.THROUGHPUT), Map.of(), out);
        try {
            system.startAll();
            out.println("  starting the producing service (outbox, relay, connection pool) in this JVM");
            try (ConfigurableApplicationContext service = OutboxBenchApplication.start(
                    BenchPostgres.jdbcUrl(DATABASE), DATABASE, "127.0.0.1:" + KAFKA_PORT)) {
                service.getBean(KafkaAdmin.class).createOrModifyTopics(TopicBuilder.name(TOPIC).partitions(PARTITIONS).replicas(1).build());
                measure(service, system, out);
            }
        } finally {
            out.println("\nStopping Kafka and PostgreSQL …");
            system.close();
        }
    }

    private static void measure(ConfigurableApplicationContext service, RunningSystem system, PrintStream out) throws Exception {
        BenchPostgres.requireDurableCommits(JdbcClient.create(service.getBean(DataSource.class)));
        JsonMapper json = service.getBean(JsonMapper.class);
        KafkaTemplate<String, String> producer = service.getBean(MessagingKafkaClients.class).template();
        List<Sender> senders = List.of(
                new PlainSender(producer, json, TOPIC),
                new OutboxSender(service.getBean(Outbox.class), new TransactionTemplate(service.getBean(PlatformTransactionManager.class)), TOPIC));
        OutboxPlan plan = OutboxPlan.standard();
        List<RoundResult> results;
        try (EventConsumer consumer = new EventConsumer(service.getBean(KafkaProperties.class).buildConsumerProperties(), TOPIC, json)) {
            CpuMeter cpu = new CpuMeter(system, OutboxReport.PROCESSES);
            results = new OutboxBenchmark(senders, consumer, cpu, out).run(plan);
        }
        new OutboxReport(out).print(facts(service, system, producer), plan, results);
    }

    private static RunFacts facts(ConfigurableApplicationContext service, RunningSystem system, KafkaTemplate<String, String> producer) {
        JdbcClient sql = JdbcClient.create(service.getBean(DataSource.class));
        MessagingProperties.Outbox relay = service.getBean(MessagingProperties.class).outbox();
        Map<String, Object> producerConfig = producer.getProducerFactory().getConfigurationProperties();
        Map<String, Object> producerDefaults = ProducerConfig.configDef().defaultValues();
        List<String> lines = new ArrayList<>();
        lines.add("one Kafka %s broker (KRaft, its JVM on %s); topic %s: %d partitions, 1 replica".formatted(
                AppInfoParser.getVersion(), kafkaJit(system), TOPIC, PARTITIONS));
        lines.add("%s; HikariCP pool of %s".formatted(BenchPostgres.describe(sql), poolSize(service)));
        lines.add("producer (the relay's KafkaTemplate, used by both ways): " + Stream.of(ProducerConfig.ACKS_CONFIG,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG)
                .map(key -> key + "=" + producerConfig.getOrDefault(key, producerDefaults.get(key)))
                .reduce((a, b) -> a + ", " + b).orElseThrow());
        lines.add("relay: batches of %d, a pause of %d ms after a batch that was not full".formatted(
                relay.batchSize(), relay.pollInterval().toMillis()));
        lines.add("messages: BookAdded (book-api) with the envelope headers, key = book id; one consumer on every partition");
        return RunFacts.now(lines);
    }

    private static String poolSize(ConfigurableApplicationContext service) {
        return service.getBean(DataSource.class) instanceof HikariDataSource hikari ? Integer.toString(hikari.getMaximumPoolSize()) : "?";
    }

    /** The launcher runs Kafka with C1 only until it has an ahead-of-time cache (recorded at its first clean stop). */
    private static String kafkaJit(RunningSystem system) {
        long pid = system.processes().stream().filter(row -> row.name().equals("kafka")).findFirst().orElseThrow().pid();
        return Machine.commandLine(pid).contains("-XX:TieredStopAtLevel=1")
                ? "C1 only, no AOT cache yet: run again for the full JIT"
                : "C1 and C2 with its AOT cache";
    }
}
