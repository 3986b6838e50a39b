package dev.bookrental.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary the embedded-redis jar ships) on a free loopback port, for the
 * gateway's tests: never the running system's Redis. It can be stopped and started again on the
 * same port, as an outage would.
 */
public final class TestRedis {

    private final int port;
    private final RedisServer server;

    private TestRedis(int port) throws IOException {
        this.port = port;
        this.server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"") // nothing written to disk
                .setting("appendonly no")
                .build();
    }

    public static TestRedis start() {
        try {
            TestRedis redis = new TestRedis(freePort());
            redis.server.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After {@link #stop()}: the same server on the same port again, empty. */
    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
