package dev.bookrental.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A topology brought to life: starts every component once its dependencies are healthy (so
 * independent ones start in parallel), keeps a handle on each running process, and stops them
 * all in reverse order. Used by the command line, the system tests and the benchmarks alike.
 */
public final class RunningSystem implements AutoCloseable {

    private final Topology topology;
    private final LaunchContext context;
    private final Map<String, Integer> scale;
    private final PrintStream out;
    private final Map<String, List<Running>> running = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> startOrder = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;
    private long startedMillis;
    private Duration startupTime = Duration.ZERO;

    private RunningSystem(Topology topology, LaunchContext context, Map<String, Integer> scale, PrintStream out) {
        this.topology = topology;
        this.context = context;
        this.scale = Map.copyOf(scale);
        this.out = out;
    }

    /** Starts the whole topology and returns once every component is healthy. */
    public static RunningSystem start(Topology topology, LaunchContext context, Map<String, Integer> scale, PrintStream out) {
        RunningSystem system = create(topology, context, scale, out);
        system.startAll();
        return system;
    }

    /** A system not started yet: {@link #close()} may be called while {@link #startAll()} runs. */
    public static RunningSystem create(Topology topology, LaunchContext context, Map<String, Integer> scale, PrintStream out) {
        return new RunningSystem(topology, context, scale, out);
    }

    /**
     * Starts every component; on failure stops what was started and throws. A JVM shutdown hook
     * stops everything too if the process running this code is terminated, so no engine or
     * service outlives it.
     */
    public void startAll() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "bookrental-stop"));
        try {
            startEverything();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startEverything() {
        checkPortsFree();
        try {
            Files.createDirectories(context.logs());
            Files.createDirectories(context.data());
            Files.createDirectories(context.cds());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + context.runDir(), e);
        }
        startedMillis = System.currentTimeMillis();
        prepareInfrastructure();
        out.printf("Starting %d components (logs in %s)%n", topology.components().size(), context.logs());
        Map<Component, CompletableFuture<Void>> started = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component component : topology.components()) {
                CompletableFuture<?>[] dependencies = component.dependencies().stream().map(started::get).toArray(CompletableFuture[]::new);
                started.put(component, CompletableFuture.allOf(dependencies).thenRunAsync(() -> startComponent(component), executor));
            }
            CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        startupTime = Duration.ofMillis(System.currentTimeMillis() - startedMillis);
        out.printf("All %d components healthy in %.1f s%n", topology.components().size(), startupTime.toMillis() / 1000.0);
    }

    /** One engine at a time and before any process starts (see {@link Infrastructure#prepare}). */
    private void prepareInfrastructure() {
        for (Component component : topology.components()) {
            if (component instanceof Infrastructure infrastructure) {
                try {
                    infrastructure.prepare(context);
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(component.name() + " cannot be prepared", e);
                }
            }
        }
    }

    private void startComponent(Component component) {
        if (closed) {
            throw new IllegalStateException("Stopped before " + component.name() + " started");
        }
        long begin = System.currentTimeMillis();
        out.printf("  … %-14s starting%n", component.name());
        try {
            switch (component) {
                case Infrastructure infrastructure -> {
                    Running process = infrastructure.start(context);
                    running.put(component.name(), List.of(process));
                    if (closed) {
                        stopQuietly(process);
                    }
                }
                case Service service -> startInstances(service);
            }
        } catch (Exception e) {
            out.printf("  ✗ %-14s failed: %s (see %s)%n", component.name(), describe(e), context.logs().resolve(component.name() + ".log"));
            throw e instanceof RuntimeException r ? r : new IllegalStateException(component.name() + " failed to start", e);
        }
        startOrder.add(component.name());
        out.printf("  ✓ %-14s healthy in %4.1f s (at %5.1f s)%n", component.name(),
                (System.currentTimeMillis() - begin) / 1000.0, (System.currentTimeMillis() - startedMillis) / 1000.0);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }

    private void startInstances(Service service) throws IOException {
        int count = scale.getOrDefault(service.name(), 1);
        List<ServiceInstance> instances = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            instances.add(new ServiceInstance(service, i, i == 1 ? service.port() : freePort(), context));
        }
        running.put(service.name(), List.copyOf(instances));
        List<CompletableFuture<Void>> starts = instances.stream().map(instance -> CompletableFuture.runAsync(() -> {
            try {
                instance.start();
            } catch (IOException e) {
                throw new IllegalStateException(instance.name() + " failed to start", e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor())).toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void checkPortsFree() {
        for (Component component : topology.components()) {
            int port = switch (component) {
                case Infrastructure infrastructure -> infrastructure.port();
                case Service service -> service.port();
            };
            if (Health.portOpen(port)) {
                throw new IllegalStateException("Port " + port + " (" + component.name() + ") is already in use: "
                        + "is another Bookrental still running? Stop it first.");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The running instances of a service, first instance first. */
    public List<ServiceInstance> instances(String service) {
        return running.getOrDefault(service, List.of()).stream()
                .filter(ServiceInstance.class::isInstance).map(ServiceInstance.class::cast).toList();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public LaunchContext context() {
        return context;
    }

    /** One row per running process: name, URL, pid, resident memory, log. */
    public List<ProcessRow> processes() {
        List<ProcessRow> rows = new ArrayList<>();
        for (Component component : topology.components()) {
            for (Running process : running.getOrDefault(component.name(), List.of())) {
                switch (process) {
                    case ServiceInstance instance -> rows.add(new ProcessRow(instance.name(), instance.baseUrl(), instance.pid(),
                            ProcessStats.rssMb(instance.pid()), context.logs().resolve(instance.name() + ".log").toString()));
                    default -> rows.add(new ProcessRow(component.name(), ((Infrastructure) component).url(), process.pid(),
                            ProcessStats.rssMb(process.pid()), context.logs().resolve(component.name() + ".log").toString()));
                }
            }
        }
        return rows;
    }

    public record ProcessRow(String name, String url, long pid, long rssMb, String log) {
    }

    public void printTable() {
        List<ProcessRow> rows = processes();
        out.printf("%n%-16s %-44s %8s %8s  %s%n", "COMPONENT", "URL", "PID", "RSS MiB", "LOG");
        for (ProcessRow row : rows) {
            out.printf("%-16s %-44s %8d %8d  %s%n", row.name(), row.url(), row.pid(), row.rssMb(), context.home().relativize(java.nio.file.Path.of(row.log()).toAbsolutePath()));
        }
        out.printf("%-16s %-44s %8s %8d%n", "total", "", "", rows.stream().mapToLong(r -> Math.max(0, r.rssMb())).sum());
    }

    /** Stops every component, services before the infrastructure they use. */
    @Override
    public synchronized void close() {
        if (closed && running.isEmpty()) {
            return;
        }
        closed = true;
        if (!running.isEmpty()) {
            out.println("Stopping " + running.size() + " components …");
        }
        // Dependents first: the components nothing running depends on stop together, then the
        // ones they depended on, and so on, so a service never outlives the registry, broker or
        // database it talks to (no failed deregistration, no lost shutdown work).
        List<List<Component>> waves = stopWaves();
        for (List<Component> wave : waves) {
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                wave.stream().flatMap(component -> running.getOrDefault(component.name(), List.of()).stream())
                        .forEach(process -> executor.submit(() -> stopQuietly(process)));
            }
        }
        running.clear();
        out.println("Stopped; every process ended.");
    }

    /** Components grouped by how deep they sit in the dependency graph, deepest (dependents) first. */
    private List<List<Component>> stopWaves() {
        Map<Component, Integer> depth = new LinkedHashMap<>();
        for (Component component : topology.components()) { // declaration order: dependencies come first
            depth.put(component, component.dependencies().stream().mapToInt(d -> depth.getOrDefault(d, 0) + 1).max().orElse(0));
        }
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<Component>> waves = new ArrayList<>();
        for (int level = deepest; level >= 0; level--) {
            int current = level;
            waves.add(depth.entrySet().stream().filter(e -> e.getValue() == current).map(Map.Entry::getKey).toList());
        }
        return waves;
    }

    private void stopQuietly(Running process) {
        try {
            process.stop();
        } catch (RuntimeException e) {
            out.println("  ! stopping pid " + process.pid() + " failed: " + e.getMessage());
        }
    }
}
