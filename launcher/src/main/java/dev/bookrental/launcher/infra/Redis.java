package dev.bookrental.launcher.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.bookrental.launcher.ChildProcess;
import dev.bookrental.launcher.Health;
import dev.bookrental.launcher.Infrastructure;
import dev.bookrental.launcher.LaunchContext;
import dev.bookrental.launcher.Running;

/**
 * Redis: the real redis-server binary that the {@code embedded-redis} jar from Maven Central
 * ships, run as a child process; append-only file under .run/data/redis so a restart keeps data.
 */
public final class Redis extends Infrastructure {

    private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";

    public Redis(int port) {
        super("redis", port);
    }

    @Override
    public void prepare(LaunchContext context) throws IOException {
        extractBinary(context.runDir().resolve("bin"));
    }

    @Override
    public Running start(LaunchContext context) throws Exception {
        Path dataDir = context.data().resolve("redis").toAbsolutePath();
        Files.createDirectories(dataDir);
        Path binary = extractBinary(context.runDir().resolve("bin"));
        ChildProcess redis = ChildProcess.start(name(), List.of(binary.toString(),
                "--port", Integer.toString(port()), "--bind", "127.0.0.1", "--dir", dataDir.toString(),
                "--appendonly", "yes", "--save", "60 1", "--maxmemory", "128mb", "--protected-mode", "yes"),
                context.home(), Map.of(), context.logs().resolve("redis.log"));
        Health.await(name(), Duration.ofSeconds(30), redis, this::answersPing);
        return redis;
    }

    private static Path extractBinary(Path binDir) throws IOException {
        Path binary = binDir.resolve(BINARY);
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(binDir);
            try (InputStream in = Redis.class.getClassLoader().getResourceAsStream(BINARY)) {
                if (in == null) {
                    throw new IllegalStateException(BINARY + " is not on the class path (embedded-redis jar missing?)");
                }
                Path partial = Files.createTempFile(binDir, "redis-server", ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return binary;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String url() {
        return "redis://127.0.0.1:" + port();
    }
}
