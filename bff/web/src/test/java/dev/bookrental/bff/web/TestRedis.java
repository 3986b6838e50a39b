package dev.bookrental.bff.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import redis.embedded.RedisServer;

/**
 * One real Redis for the tests of this JVM: the redis-server binary shipped in the embedded-redis
 * jar (the one the launcher runs), on a free port, keeping nothing on disk. Stopped when the JVM ends.
 */
public final class TestRedis {

    private static final int PORT = freePort();

    static {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(PORT)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + System.getProperty("java.io.tmpdir"))
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start redis-server", e);
        }
    }

    private TestRedis() {
    }

    public static int port() {
        return PORT;
    }

    /** Deletes every key: a test that counts sessions starts from none. */
    public static void flushAll() {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.getOutputStream().write("FLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[5];
            int read = socket.getInputStream().read(reply);
            if (read < 3 || !new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+OK")) {
                throw new IllegalStateException("FLUSHALL failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
