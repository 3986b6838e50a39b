package dev.bookrental.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The components of a system, in declaration order, with their dependencies. */
public final class Topology {

    private final List<Component> components = new ArrayList<>();

    public <C extends Component> C add(C component) {
        if (find(component.name()).isPresent()) {
            throw new IllegalArgumentException("Two components are named " + component.name());
        }
        if (!components.containsAll(component.dependencies())) {
            throw new IllegalArgumentException(component.name() + " depends on a component declared after it");
        }
        components.add(component);
        return component;
    }

    public List<Component> components() {
        return List.copyOf(components);
    }

    public Optional<Component> find(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Service service(String name) {
        return find(name).filter(Service.class::isInstance).map(Service.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("No service named " + name));
    }

    /**
     * The named components and everything they depend on, directly or not, in declaration order:
     * a part of the system that runs by itself (a benchmark boots only the path it measures).
     *
     * @throws IllegalArgumentException when a name is not a component of this topology
     */
    public Topology only(String... names) {
        Set<Component> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Component> toVisit = new ArrayDeque<>();
        for (String name : names) {
            toVisit.add(find(name).orElseThrow(() -> new IllegalArgumentException("No component named " + name)));
        }
        while (!toVisit.isEmpty()) {
            Component component = toVisit.pop();
            if (needed.add(component)) {
                toVisit.addAll(component.dependencies());
            }
        }
        Topology part = new Topology();
        components.stream().filter(needed::contains).forEach(part::add);
        return part;
    }

    /** This topology without its infrastructure: services then use external engines. */
    public Topology withoutInfrastructure() {
        Topology services = new Topology();
        Map<Component, Component> copies = new IdentityHashMap<>();
        for (Component component : components) {
            if (component instanceof Service service) {
                Service copy = Service.named(service.name())
                        .module(service.module(), service.mainClass())
                        .port(service.port())
                        .heapMb(service.heapMb())
                        .registersInDiscovery(service.registersInDiscovery())
                        .dependsOn(service.dependencies().stream().filter(copies::containsKey).map(copies::get)
                                .toArray(Component[]::new));
                copies.put(service, services.add(copy));
            }
        }
        return services;
    }
}
