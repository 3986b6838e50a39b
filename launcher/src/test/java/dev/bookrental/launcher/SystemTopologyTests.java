package dev.bookrental.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SystemTopologyTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Topology system = SystemTopology.bookrental();

    private List<Service> services() {
        return system.components().stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
    }

    @Test
    void repositoryRootIsTheParentOfTheLauncherModule() {
        assertThat(ROOT.resolve("mvnw")).isRegularFile();
        assertThat(ROOT.resolve("launcher").resolve("pom.xml")).isRegularFile();
    }

    @Test
    void declaresTheServicesOfBookrental() {
        assertThat(services()).extracting(Service::name)
                .containsExactlyInAnyOrder("discovery", "config-server", "gateway", "admin", "auth", "book", "member", "rental",
                        "rental-query", "bff-web", "bff-mobile", "logs");
    }

    @Test
    void everyServiceModuleIsAMavenModuleOfTheRepository() {
        assertThat(services()).allSatisfy(service -> {
            Path module = ROOT.resolve(service.module());
            assertThat(module).as("module of %s", service.name()).isDirectory();
            assertThat(module.resolve("pom.xml")).as("pom of %s", service.name()).isRegularFile();
        });
    }

    @Test
    void everyServiceMainClassExistsAsSourceFile() {
        assertThat(services()).allSatisfy(service -> {
            Path source = ROOT.resolve(service.module()).resolve("src/main/java")
                    .resolve(service.mainClass().replace('.', '/') + ".java");
            assertThat(source).as("main class of %s", service.name()).isRegularFile();
        });
    }

    @Test
    void everyComponentHasItsOwnPort() {
        List<Integer> ports = system.components().stream()
                .map(component -> switch (component) {
                    case Infrastructure infrastructure -> infrastructure.port();
                    case Service service -> service.port();
                })
                .toList();

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isBetween(1, 65535));
    }

    @Test
    void authServiceWaitsForConfigServerAndPostgresOnPort9000() {
        assertThat(system.service("auth").port()).isEqualTo(9000);
        assertThat(system.service("auth").dependencies()).extracting(Component::name)
                .contains("config-server", "postgres");
    }

    @Test
    void bookServiceWaitsForConfigServerAndPostgres() {
        assertThat(system.service("book").dependencies()).extracting(Component::name)
                .contains("config-server", "postgres");
    }

    @Test
    void theReadSideWaitsForConfigServerAndPostgresOnPort8104() {
        assertThat(system.service("rental-query").port()).isEqualTo(8104);
        assertThat(system.service("rental-query").dependencies()).extracting(Component::name)
                .contains("config-server", "postgres");
    }

    @Test
    void bffWebWaitsForRedisWhereItsSessionsLive() {
        assertThat(system.service("bff-web").dependencies()).extracting(Component::name)
                .contains("config-server", "redis");
    }

    @Test
    void authHashesPasswordsWithC2EvenWhenTheSystemStartsWithC1Only() {
        assertThat(services()).allSatisfy(service -> {
            assertThat(service.jit(Jit.THROUGHPUT)).isEqualTo(Jit.THROUGHPUT);
            assertThat(service.jit(Jit.STARTUP)).as(service.name())
                    .isEqualTo(service.name().equals("auth") ? Jit.THROUGHPUT : Jit.STARTUP);
        });
    }
}
