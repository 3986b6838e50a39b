package dev.bookrental.logs.shipping;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Log shipping, the loop: read the complete lines after the checkpoints, bulk-index them, and only
 * once OpenSearch acknowledged them move the checkpoints past them and save. Nothing is lost: a
 * line leaves the "to send" side only after it is in the index. Nothing is duplicated: whatever is
 * sent again (after a crash of the shipper between acknowledgement and save, after OpenSearch
 * failed half a bulk) lands on the same document id and overwrites it.
 *
 * <p>When OpenSearch is down the loop waits and retries, up to every ten seconds; the lines wait
 * in their files, which are the buffer. One platform thread, no {@code @Scheduled}: a scheduled
 * method would be observed and traced, and the shipper must not flood Zipkin with its polling.
 */
public final class LogShipper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogShipper.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final LogFileTailer tailer;
    private final LogIndex index;
    private final Checkpoints checkpoints;
    private final Duration poll;
    private final int batchLines;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long shippedLines;

    public LogShipper(LogFileTailer tailer, LogIndex index, Checkpoints checkpoints, Duration poll, int batchLines) {
        this.tailer = tailer;
        this.index = index;
        this.checkpoints = checkpoints;
        this.poll = poll;
        this.batchLines = batchLines;
    }

    /**
     * One round: ships what is there, at most one batch. Returns how many lines were shipped;
     * throws when OpenSearch did not take them (the checkpoints are then unchanged).
     */
    public int shipOnce() throws IOException {
        LogFileTailer.Batch batch = tailer.read(checkpoints, batchLines);
        if (!batch.isEmpty()) {
            index.write(batch.lines().stream().map(LogDocument::of).toList());
            checkpoints.advance(batch.lines());
        }
        int before = checkpoints.positions().size();
        checkpoints.retainOnly(batch.presentFiles());
        if (!batch.isEmpty() || checkpoints.positions().size() != before) {
            checkpoints.save();
        }
        shippedLines += batch.lines().size();
        return batch.lines().size();
    }

    private void run() {
        Duration backoff = poll;
        boolean indexReady = false;
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (!indexReady) {
                    index.ensureExists();
                    indexReady = true;
                    log.info("Shipping {} to OpenSearch index {}", tailer.directory(), LogIndex.NAME);
                }
                int shipped = shipOnce();
                backoff = poll;
                if (shipped < batchLines) {
                    Thread.sleep(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | IOException e) {
                log.warn("Shipping failed, retrying in {} ms: {}", backoff.toMillis(), e.getMessage());
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public long shippedLines() {
        return shippedLines;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("log-shipper").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread shipping = thread;
        if (shipping != null) {
            shipping.interrupt();
            try {
                shipping.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
