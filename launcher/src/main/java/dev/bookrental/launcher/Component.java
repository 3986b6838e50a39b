package dev.bookrental.launcher;

import java.util.List;

/** One node of the topology: a piece of infrastructure or a service, and what it waits for. */
public sealed interface Component permits Infrastructure, Service {

    String name();

    List<Component> dependencies();
}
