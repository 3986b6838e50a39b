package dev.bookrental.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.bookrental.launcher.ServiceInstance;

/** What the system tests do to a single service instance: hold its outbox relay, read its backlog, start it again. */
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

    static void start(ServiceInstance instance) {
        try {
            instance.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
