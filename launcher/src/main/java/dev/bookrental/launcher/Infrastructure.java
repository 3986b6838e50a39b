package dev.bookrental.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * A real infrastructure engine the launcher starts on this machine (Kafka, PostgreSQL, Redis,
 * Zipkin). In production the services point at external ones by configuration instead.
 */
public abstract non-sealed class Infrastructure implements Component {

    private final String name;
    private final int port;
    private final List<Component> dependencies = new ArrayList<>();

    protected Infrastructure(String name, int port) {
        this.name = name;
        this.port = port;
    }

    @Override
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    @Override
    public List<Component> dependencies() {
        return List.copyOf(dependencies);
    }

    /**
     * Puts on disk what the engine needs before it can start (an executable unpacked from a jar,
     * for instance). The launcher calls this for one engine at a time, before it starts any
     * process: a file being written while another thread forks is held open by the child until it
     * execs, and running that file then fails with "Text file busy" (ETXTBSY).
     */
    public void prepare(LaunchContext context) throws Exception {
        // most engines need nothing
    }

    /** Starts the engine and returns once it accepts work. */
    public abstract Running start(LaunchContext context) throws Exception;

    /** The URL shown in the launcher's table. */
    public abstract String url();
}
