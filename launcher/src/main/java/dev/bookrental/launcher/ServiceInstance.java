package dev.bookrental.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One running instance of a {@link Service}: a JVM on its own port. Tests use it to kill an
 * instance (SIGKILL) and to start it again.
 */
public final class ServiceInstance implements Running {

    private final Service service;
    private final int index;
    private final int port;
    private final LaunchContext context;
    private volatile ChildProcess process;
    private volatile boolean stopped;

    ServiceInstance(Service service, int index, int port, LaunchContext context) {
        this.service = service;
        this.index = index;
        this.port = port;
        this.context = context;
    }

    public String name() {
        return index == 1 ? service.name() : service.name() + "-" + index;
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return context.logs().resolve(name() + ".log");
    }

    /** The structured log the logs service ships to OpenSearch (docs/patterns/central-logs.md). */
    public Path jsonLog() {
        return context.logs().resolve("json").resolve(name() + ".json");
    }

    @Override
    public long pid() {
        ChildProcess p = process;
        return p == null ? -1 : p.pid();
    }

    @Override
    public boolean isAlive() {
        ChildProcess p = process;
        return p != null && p.isAlive();
    }

    /** Starts the JVM and waits until it is healthy and, if it registers, visible in Eureka. */
    public void start() throws IOException {
        if (stopped) {
            throw new IllegalStateException(name() + " was stopped");
        }
        List<String> command = command();
        process = ChildProcess.start(name(), command, context.home(), environment(), log(), JvmFlags.stopGrace(command));
        if (stopped) { // the system was closed while this instance was being launched
            process.stop();
            throw new IllegalStateException(name() + " was stopped while starting");
        }
        ChildProcess started = process;
        started.process().onExit().thenAccept(exited -> {
            if (!stopped && process == started) {
                System.out.printf("  ✗ %s exited unexpectedly with code %d (see %s)%n", name(), exited.exitValue(), log());
            }
        });
        Health.await(name(), JvmFlags.startupTimeout(command), process, () -> Health.httpOk(baseUrl() + "/actuator/health", b -> b.contains("\"UP\"")));
        if (service.registersInDiscovery()) {
            Health.await(name() + " in Eureka", Duration.ofSeconds(60), process, this::registered);
        }
    }

    private boolean registered() {
        return Health.httpOk("http://127.0.0.1:8761/eureka/apps/" + service.name(),
                body -> body.contains("\"port\":{\"$\":" + port + ",") && body.contains("\"status\":\"UP\""));
    }

    @Override
    public void stop() {
        stopped = true;
        ChildProcess p = process;
        if (p != null) {
            p.stop();
        }
    }

    /** SIGKILL: the instance dies without deregistering, as in a crash. */
    public void kill() {
        ChildProcess p = process;
        if (p != null) {
            process = null; // an intended kill, not a crash to report
            p.kill();
        }
    }

    List<String> command() throws IOException {
        String classpath = ModuleClasspath.of(context.home().resolve(service.module()));
        List<String> command = new ArrayList<>(List.of(context.java()));
        command.addAll(JvmFlags.forService(context.cds().resolve(service.name() + ".aot"), classpath, service.heapMb(), index == 1,
                service.jit(context.jit())));
        command.add("-XX:ErrorFile=" + context.logs().resolve("hs_err_" + name() + "_%p.log"));
        command.add("-cp");
        command.add(classpath);
        command.add(service.mainClass());
        command.add("--server.port=" + port);
        if (!context.profiles().isEmpty()) {
            // Include, not activate: a service's own active profiles (config-server's "native") stay.
            command.add("--spring.profiles.include=" + String.join(",", context.profiles()));
        }
        return command;
    }

    private Map<String, String> environment() {
        var environment = new java.util.HashMap<>(context.environment());
        environment.put("BOOKRENTAL_CONFIG_DIR", context.configDir().toAbsolutePath().toString());
        environment.put("BOOKRENTAL_INSTANCE", name());
        // The instance's JSON log (ECS, one object a line) for the central logs; the console stays readable.
        environment.put("LOGGING_FILE_NAME", jsonLog().toAbsolutePath().toString());
        return environment;
    }
}
