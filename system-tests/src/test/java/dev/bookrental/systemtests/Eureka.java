package dev.bookrental.systemtests;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** What the Eureka registry says of a service, read over its REST API. */
final class Eureka {

    private Eureka() {
    }

    /** Ports of the instances of the service that are registered with status UP. */
    static List<Integer> upPorts(String service) {
        Http.Response response = Http.get(Http.DISCOVERY + "/eureka/apps/" + service.toUpperCase());
        if (response.status() == 404) {
            return List.of();
        }
        JsonNode instances = response.json().get("application").get("instance");
        List<JsonNode> all = new ArrayList<>();
        if (instances.isArray()) {
            instances.forEach(all::add);
        } else {
            all.add(instances);
        }
        return all.stream()
                .filter(instance -> instance.get("status").asString().equals("UP"))
                .map(instance -> instance.get("port").get("$").asInt())
                .toList();
    }
}
