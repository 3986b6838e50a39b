package dev.bookrental.logs.shipping;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far each log file has been shipped: file identity → byte offset of the first line OpenSearch
 * has not acknowledged. Kept in a small JSON file, replaced atomically (written beside, forced to
 * disk, renamed over the old one), so a crash at any moment leaves either the old positions or
 * the new ones, never a torn file.
 *
 * <p>Positions move only after OpenSearch acknowledged the lines before them ({@link #advance}).
 * A crash between the acknowledgement and {@link #save} makes the shipper send those lines again,
 * which overwrites the same documents: at-least-once sending plus idempotent writes is exactly once
 * in the index.
 */
public final class Checkpoints {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final Map<String, Long> positions;

    private Checkpoints(Path file, Map<String, Long> positions) {
        this.file = file;
        this.positions = positions;
    }

    public static Checkpoints load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Checkpoints(file, new TreeMap<>());
        }
        Map<String, Long> stored = JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Long>>() {
        });
        return new Checkpoints(file, stored);
    }

    /** The offset to read the file from: 0 for a file never shipped. */
    public long position(String fileId) {
        return positions.getOrDefault(fileId, 0L);
    }

    /**
     * Moves each file's position past its last acknowledged line. The lines of a file come in file
     * order, so the last one wins; not the largest offset ever seen: after a truncation the file is
     * read again from 0 and its position must go back with it.
     */
    public void advance(List<LogLine> acknowledged) {
        for (LogLine line : acknowledged) {
            positions.put(line.fileId(), line.end());
        }
    }

    /** Drops the positions of files that are gone (rotated out of history). */
    public void retainOnly(Set<String> present) {
        positions.keySet().retainAll(present);
    }

    public Map<String, Long> positions() {
        return Map.copyOf(positions);
    }

    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.write(next, JSON.writeValueAsBytes(positions));
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
