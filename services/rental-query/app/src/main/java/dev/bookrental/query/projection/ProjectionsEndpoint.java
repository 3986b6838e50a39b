package dev.bookrental.query.projection;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Actuator endpoint {@code projections}: {@code GET /actuator/projections} says which generation
 * answers queries, whether one is being rebuilt, and how far each is behind the topics;
 * {@code POST /actuator/projections/rebuild} starts a full rebuild from offset 0 (or joins the one
 * under way) while the active views keep answering. Like the other operations endpoints
 * ({@code outbox}, {@code deadletters}) it is on the management surface of the instance, which
 * the gateway does not route.
 */
@Component
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

    private final ProjectionFeeds feeds;

    ProjectionsEndpoint(ProjectionFeeds feeds) {
        this.feeds = feeds;
    }

    @ReadOperation
    public ProjectionFeeds.Status status() {
        return feeds.status();
    }

    /** {@code POST /actuator/projections/rebuild}: the generation being built. */
    @WriteOperation
    public Rebuild rebuild(@Selector String operation) {
        if (!"rebuild".equals(operation)) {
            throw new InvalidEndpointRequestException(
                    "Unknown operation '" + operation + "'", "the only operation is 'rebuild'");
        }
        return new Rebuild(feeds.rebuild());
    }

    /** @param building the generation that is being built and will answer queries once caught up */
    public record Rebuild(int building) {
    }
}
