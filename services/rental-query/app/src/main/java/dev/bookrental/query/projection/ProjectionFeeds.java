package dev.bookrental.query.projection;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.bookrental.platform.messaging.IdempotentConsumer;
import dev.bookrental.query.projection.ProjectionGenerations.Generation;
import dev.bookrental.query.projection.ProjectionGenerations.State;

/**
 * Keeps one {@link ProjectionFeed} running per live generation and performs rebuilds.
 *
 * <p>A rebuild is a new generation fed by a new consumer group from offset 0 of every topic, next
 * to the active generation, which goes on answering queries and following the topics. Once the
 * new group has applied everything published (lag 0 on every topic), the new generation is
 * promoted in one transaction ({@link ProjectionGenerations#promote}); the old feed stops, its
 * views, processed ids and consumer group are deleted.
 *
 * <p>Every instance checks the generations table on a schedule and aligns its feeds with it, so
 * with several instances the feeds of one generation share its group's partitions, and a rebuild
 * started or promoted by one instance is followed by all.
 */
@Component
public class ProjectionFeeds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFeeds.class);

    private final ProjectionGenerations generations;
    private final ConsumerLag consumerLag;
    private final ProjectionMetrics metrics;
    private final ConcurrentKafkaListenerContainerFactory<?, ?> containers;
    private final IdempotentConsumer idempotent;
    private final Projector projector;
    private final int concurrency;
    private final Map<Integer, ProjectionFeed> feeds = new ConcurrentHashMap<>();
    private volatile boolean running;

    ProjectionFeeds(ProjectionGenerations generations, ConsumerLag consumerLag, ProjectionMetrics metrics,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers, IdempotentConsumer idempotent, Projector projector,
            @Value("${bookrental.query.concurrency:3}") int concurrency) {
        this.generations = generations;
        this.consumerLag = consumerLag;
        this.metrics = metrics;
        this.containers = containers;
        this.idempotent = idempotent;
        this.projector = projector;
        this.concurrency = concurrency;
    }

    /** What the projections are doing: which generation answers, which is being built, their lag. */
    public record Status(int active, Map<String, Long> activeLag, Integer building, Map<String, Long> buildingLag) {
    }

    /**
     * Starts a rebuild from the beginning of the topics, or joins the one under way.
     *
     * @return the generation being built
     */
    public int rebuild() {
        int building = generations.startBuilding();
        log.info("Rebuilding the projections from offset 0 into generation {}", building);
        align();
        return building;
    }

    public Status status() {
        int active = generations.active();
        Optional<Integer> building = generations.building();
        return new Status(active, consumerLag.of(ProjectionFeed.groupOf(active)), building.orElse(null),
                building.map(number -> consumerLag.of(ProjectionFeed.groupOf(number))).orElse(null));
    }

    /** Promotes a rebuild that has caught up, aligns the feeds, refreshes the lag metric. */
    @Scheduled(fixedDelayString = "${bookrental.query.check:1s}")
    void check() {
        if (!running) {
            return;
        }
        try {
            generations.building().ifPresent(this::promoteIfCaughtUp);
            align();
            int active = generations.active();
            metrics.lag(active, consumerLag.of(ProjectionFeed.groupOf(active)));
        } catch (RuntimeException e) {
            log.warn("Checking the projection feeds failed; trying again at the next check", e);
        }
    }

    private void promoteIfCaughtUp(int building) {
        if (consumerLag.caughtUp(ProjectionFeed.groupOf(building)) && generations.promote(building)) {
            log.info("Generation {} has caught up with every topic: it answers queries now", building);
        }
    }

    /** Runs a feed for each live generation and none for the others, whose views it deletes. */
    synchronized void align() {
        if (!running) {
            return;
        }
        Map<Integer, State> live = generations.live().stream()
                .collect(Collectors.toMap(Generation::number, Generation::state));
        live.forEach((number, state) -> {
            ProjectionFeed feed = feeds.computeIfAbsent(number, this::startFeed);
            feed.active(state == State.ACTIVE);
        });
        for (Integer retired : Set.copyOf(feeds.keySet())) {
            if (!live.containsKey(retired)) {
                feeds.remove(retired).stop();
                generations.dropViews(retired, ProjectionFeed.consumerNameOf(retired));
                forget(retired);
                log.info("Generation {} retired: its feed stopped, its views deleted", retired);
            }
        }
    }

    /** Deletes a retired generation's consumer group; another instance still leaving it deletes it later. */
    private void forget(int retired) {
        try {
            consumerLag.forget(ProjectionFeed.groupOf(retired));
        } catch (IllegalStateException e) {
            log.info("The consumer group of generation {} is left for its last member to delete: {}", retired, e.getMessage());
        }
    }

    private ProjectionFeed startFeed(int generation) {
        ProjectionFeed feed = new ProjectionFeed(generation, containers, concurrency, idempotent, projector, metrics);
        feed.start();
        return feed;
    }

    @Override
    public void start() {
        running = true;
        align();
    }

    @Override
    public synchronized void stop() {
        running = false;
        feeds.values().forEach(ProjectionFeed::stop);
        feeds.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
