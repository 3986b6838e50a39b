package dev.bookrental.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A Spring Boot service of this repository, started as its own JVM from the module's jar and
 * runtime class path (written by the build to {@code target/classpath.txt}).
 */
public final class Service implements Component {

    private final String name;
    private String module;
    private String mainClass;
    private int port;
    private int heapMb = 200;
    private boolean registersInDiscovery = true;
    private boolean alwaysThroughput;
    private final List<Component> dependencies = new ArrayList<>();

    private Service(String name) {
        this.name = name;
    }

    public static Service named(String name) {
        return new Service(name);
    }

    /** The Maven module (path from the repository root) and its main class. */
    public Service module(String path, String mainClass) {
        this.module = path;
        this.mainClass = mainClass;
        return this;
    }

    /** The port of the first instance; further instances take free random ports. */
    public Service port(int port) {
        this.port = port;
        return this;
    }

    public Service heapMb(int heapMb) {
        this.heapMb = heapMb;
        return this;
    }

    /** Whether the launcher waits for the instance to appear in Eureka before calling it ready. */
    public Service registersInDiscovery(boolean registers) {
        this.registersInDiscovery = registers;
        return this;
    }

    /**
     * Compile with C1 and C2 even where the rest of the system starts with C1 only
     * ({@link Jit#STARTUP}): for a service whose own work is CPU-bound, where C2's code is several
     * times faster and its slower start is worth it.
     */
    public Service alwaysThroughput() {
        this.alwaysThroughput = true;
        return this;
    }

    /** How this service's JVMs compile when the system as a whole runs in {@code systemMode}. */
    public Jit jit(Jit systemMode) {
        return alwaysThroughput ? Jit.THROUGHPUT : systemMode;
    }

    public Service dependsOn(Component... components) {
        dependencies.addAll(List.of(components));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Component> dependencies() {
        return List.copyOf(dependencies);
    }

    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }

    public int port() {
        return port;
    }

    public int heapMb() {
        return heapMb;
    }

    public boolean registersInDiscovery() {
        return registersInDiscovery;
    }
}
