package dev.bookrental.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bookrental.launcher.signin.TokenCommand;

/**
 * The one command that runs the whole system: {@code ./bookrental up [--scale book=2]
 * [--profile NAME] [--external-infra]}. Ctrl-C stops everything. Beside it, for a running system:
 * {@code ./bookrental token <username> [password]} prints an access token ({@link TokenCommand}).
 */
public final class Bookrental {

    private Bookrental() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Map<String, Integer> scale = new LinkedHashMap<>();
        List<String> profiles = new ArrayList<>();
        boolean externalInfrastructure = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "up" -> { }
                case "--scale" -> {
                    String[] pair = args[++i].split("=", 2);
                    scale.put(pair[0], Integer.parseInt(pair[1]));
                }
                case "--profile" -> profiles.add(args[++i]);
                case "--external-infra" -> externalInfrastructure = true;
                default -> {
                    System.err.println("Usage: bookrental up [--scale SERVICE=N] [--profile NAME] [--external-infra]"
                            + "\n       bookrental token <username> [password]");
                    System.exit(2);
                }
            }
        }
        Path home = home();
        Topology topology = SystemTopology.bookrental();
        scale.keySet().forEach(topology::service); // fails early on an unknown name
        if (externalInfrastructure) {
            topology = topology.withoutInfrastructure();
        }
        LaunchContext context = new LaunchContext(home, home.resolve(".run"), home.resolve("config"), profiles, Map.of());

        RunningSystem system = RunningSystem.create(topology, context, scale, System.out);
        try {
            system.startAll();
        } catch (RuntimeException e) {
            System.err.println("Bookrental did not start: " + e.getMessage());
            System.exit(1);
        }
        system.printTable();
        System.out.println("""

                Try:   curl http://localhost:8080/api/books
                Press Ctrl-C to stop everything.""");
        Thread.currentThread().join(); // until Ctrl-C: the system's shutdown hook stops everything
    }

    /** The repository root: where mvnw and config/ are, found from the working directory upwards. */
    public static Path home() {
        String configured = System.getProperty("bookrental.home");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("config"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the Bookrental repository root above " + dir);
    }
}
