package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.bookrental.launcher.ServiceInstance;

/** What the system tests do to a single service instance: hold its outbox relay, read its backlog, pause it, start it again. */
final class Instances {

    private Instances() {
    }

    /** Pauses ({@code "paused"}) or resumes ({@code "running"}) the instance's outbox relay (actuator {@code outbox}). */
    static void setRelay(ServiceInstance instance, String state) {
        Http.Response response = Http.postJson(instance.baseUrl() + "/actuator/outbox", "{\"relay\":\"" + state + "\"}");
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    /** Messages committed to the instance's outbox and not yet published. */
    static long backlog(ServiceInstance instance) {
        return Http.get(instance.baseUrl() + "/actuator/outbox").json().get("backlog").asLong();
    }

    /**
     * Sends the instance's JVM a signal: {@code STOP} freezes it — connections are still accepted by
     * the kernel, nothing answers: a service "made slow" without a restart — and {@code CONT} lets it go on.
     */
    static void signal(ServiceInstance instance, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(instance.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -%s %d", signal, instance.pid()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void start(ServiceInstance instance) {
        try {
            instance.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
