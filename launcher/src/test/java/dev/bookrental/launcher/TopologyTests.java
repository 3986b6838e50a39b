package dev.bookrental.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bookrental.launcher.infra.Kafka;
import dev.bookrental.launcher.infra.Postgres;

class TopologyTests {

    @Test
    void rejectsTwoComponentsWithTheSameName() {
        Topology topology = new Topology();
        topology.add(Service.named("book").module("services/book/app", "dev.example.Book").port(1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> topology.add(Service.named("book").module("services/book/app", "dev.example.Book").port(2)))
                .withMessageContaining("book");
        assertThat(topology.components()).hasSize(1);
    }

    @Test
    void rejectsDependencyOnComponentDeclaredAfter() {
        Topology topology = new Topology();
        Service discovery = Service.named("discovery").port(1);
        Service gateway = Service.named("gateway").port(2).dependsOn(discovery);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> topology.add(gateway))
                .withMessageContaining("gateway");
        assertThat(topology.components()).isEmpty();
    }

    @Test
    void acceptsDependencyOnComponentDeclaredBefore() {
        Topology topology = new Topology();
        Service discovery = topology.add(Service.named("discovery").port(1));
        Service gateway = topology.add(Service.named("gateway").port(2).dependsOn(discovery));

        assertThat(topology.components()).containsExactly(discovery, gateway);
        assertThat(topology.service("gateway")).isSameAs(gateway);
    }

    @Test
    void findsNoServiceForUnknownOrInfrastructureName() {
        Topology topology = new Topology();
        topology.add(new Kafka(9092));

        assertThatIllegalArgumentException().isThrownBy(() -> topology.service("kafka"));
        assertThatIllegalArgumentException().isThrownBy(() -> topology.service("nope"));
    }

    @Test
    void onlyKeepsTheNamedComponentsAndEverythingTheyDependOnInDeclarationOrder() {
        Topology topology = new Topology();
        Kafka kafka = topology.add(new Kafka(9092));
        Postgres postgres = topology.add(new Postgres(5432).withDatabaseFor("book"));
        Service discovery = topology.add(Service.named("discovery").port(8761));
        Service config = topology.add(Service.named("config-server").port(8888).dependsOn(kafka, discovery));
        topology.add(Service.named("admin").port(9090).dependsOn(config));
        Service book = topology.add(Service.named("book").port(8101).dependsOn(config, postgres));
        Service gateway = topology.add(Service.named("gateway").port(8080).dependsOn(config));

        Topology part = topology.only("gateway", "book");

        assertThat(part.components()).containsExactly(kafka, postgres, discovery, config, book, gateway);
        assertThat(topology.components()).hasSize(7);
        assertThatIllegalArgumentException().isThrownBy(() -> topology.only("gateway", "nope")).withMessageContaining("nope");
    }

    @Test
    void withoutInfrastructureKeepsServicesAndDropsInfrastructureDependencies() {
        Topology topology = new Topology();
        Kafka kafka = topology.add(new Kafka(9092));
        Postgres postgres = topology.add(new Postgres(5432).withDatabaseFor("book"));
        Service discovery = topology.add(Service.named("discovery")
                .module("infrastructure/discovery", "dev.example.Discovery").port(8761).registersInDiscovery(false));
        Service config = topology.add(Service.named("config-server")
                .module("infrastructure/config-server", "dev.example.Config").port(8888).heapMb(150).dependsOn(kafka, discovery));
        topology.add(Service.named("book")
                .module("services/book/app", "dev.example.Book").port(8101).dependsOn(config, postgres));

        Topology services = topology.withoutInfrastructure();

        assertThat(services.components()).extracting(Component::name).containsExactly("discovery", "config-server", "book");
        assertThat(services.components()).allSatisfy(c -> assertThat(c).isInstanceOf(Service.class));
        Service copiedConfig = services.service("config-server");
        assertThat(copiedConfig.module()).isEqualTo("infrastructure/config-server");
        assertThat(copiedConfig.mainClass()).isEqualTo("dev.example.Config");
        assertThat(copiedConfig.port()).isEqualTo(8888);
        assertThat(copiedConfig.heapMb()).isEqualTo(150);
        assertThat(services.service("discovery").registersInDiscovery()).isFalse();
        assertThat(copiedConfig.dependencies()).extracting(Component::name).containsExactly("discovery");
        assertThat(services.service("book").dependencies()).extracting(Component::name).containsExactly("config-server");
        // the original is left as it was
        assertThat(topology.components()).hasSize(5);
        assertThat(topology.service("book").dependencies()).containsExactly(config, postgres);
    }

    @Test
    void withoutInfrastructureDependsOnlyOnComponentsOfTheNewTopology() {
        // The launcher waits for a component's dependencies by looking them up among the
        // components of the topology it runs (RunningSystem keys its futures by Component).
        Topology topology = new Topology();
        Kafka kafka = topology.add(new Kafka(9092));
        Service discovery = topology.add(Service.named("discovery").module("m", "dev.example.D").port(8761));
        topology.add(Service.named("config-server").module("m", "dev.example.C").port(8888).dependsOn(kafka, discovery));

        Topology services = topology.withoutInfrastructure();

        Set<Component> present = Collections.newSetFromMap(new IdentityHashMap<>());
        present.addAll(services.components());
        List<String> dangling = services.components().stream()
                .flatMap(component -> component.dependencies().stream()
                        .filter(dependency -> !present.contains(dependency))
                        .map(dependency -> component.name() + " -> " + dependency.name()))
                .toList();
        assertThat(dangling).as("dependencies on components that are not part of the new topology").isEmpty();
    }

    @Test
    void topologyWithoutInfrastructureCanBeHandedToTheLauncher(@TempDir Path home) throws IOException {
        // What "./bookrental up --external-infra" does. The modules under the temporary home are not
        // built, so the first service fails before any process is started: that failure, and not
        // an error about the topology itself, is what the launcher must report.
        Topology topology = new Topology();
        Kafka kafka = topology.add(new Kafka(freePort()));
        Service discovery = topology.add(Service.named("discovery").module("discovery", "dev.example.D").port(freePort()));
        topology.add(Service.named("config-server").module("config-server", "dev.example.C").port(freePort())
                .dependsOn(kafka, discovery));
        LaunchContext context = new LaunchContext(home, home.resolve(".run"), home.resolve("config"), List.of(), Map.of());

        assertThatThrownBy(() -> RunningSystem.start(topology.withoutInfrastructure(), context, Map.of(),
                new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not built");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
