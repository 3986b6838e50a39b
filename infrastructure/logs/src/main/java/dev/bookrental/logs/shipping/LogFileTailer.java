package dev.bookrental.logs.shipping;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the complete lines that follow the acknowledged positions in every JSON log file of one
 * folder: the files being written ({@code book.json}) and the ones Logback rotated away
 * ({@code book.json.2026-11-26.0}).
 *
 * <p>A file is known by a fingerprint of its first line, not by its name: rotation renames the
 * file (the same fingerprint under a new name, so reading goes on where it stopped), while a new
 * file under the old name starts with another line (another fingerprint, read from its start).
 * Unlike an inode number, which the system reuses after a delete, a first line carrying a
 * timestamp, a process id and an instance name does not come back. A file without a complete first
 * line yet is left for the next round. A file shorter than its position was truncated (copy and
 * truncate): it is read again from the start, which the documents' deterministic ids make harmless.
 *
 * <p>Only whole lines are returned: the bytes after the last newline are a line still being
 * written, read once their newline is there.
 */
public final class LogFileTailer {

    /** How much of a file is read at once, and the longest line kept whole. */
    static final int CHUNK = 1 << 20;
    private static final int FINGERPRINT_LIMIT = 4096;

    private final Path directory;

    public LogFileTailer(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Lines read in one round, and the identities of every log file present (to forget the others). */
    public record Batch(List<LogLine> lines, Set<String> presentFiles) {

        public boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    /**
     * Up to {@code maxLines} complete lines after the positions in {@code checkpoints}, oldest file
     * first (rotated files before the one being written).
     */
    public Batch read(Checkpoints checkpoints, int maxLines) throws IOException {
        List<LogLine> lines = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (Path file : logFiles()) {
            try {
                String fileId = identify(file);
                if (fileId == null) {
                    continue;
                }
                present.add(fileId);
                if (lines.size() < maxLines) {
                    readLines(file, fileId, checkpoints.position(fileId), maxLines - lines.size(), lines);
                }
            } catch (NoSuchFileException deletedMeanwhile) {
                // rotated out of history between the listing and the read: nothing left to ship from it
            }
        }
        return new Batch(List.copyOf(lines), present);
    }

    private List<Path> logFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().contains(".json"))
                    .sorted(Comparator.comparing(LogFileTailer::lastModified).thenComparing(Path::toString))
                    .toList();
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void readLines(Path file, String fileId, long position, int maxLines, List<LogLine> into) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long offset = size < position ? 0 : position; // shorter than where we were: truncated
            int added = 0;
            while (offset < size && added < maxLines) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, size - offset));
                channel.read(buffer, offset);
                byte[] bytes = buffer.array();
                int length = buffer.position();
                int start = 0;
                for (int i = 0; i < length && added < maxLines; i++) {
                    if (bytes[i] == '\n') {
                        String text = new String(bytes, start, i - start, StandardCharsets.UTF_8).stripTrailing();
                        if (!text.isEmpty()) {
                            into.add(new LogLine(fileId, file, offset + start, offset + i + 1, text));
                            added++;
                        }
                        start = i + 1;
                    }
                }
                if (start == 0) {
                    if (length < CHUNK) {
                        return; // a line still being written: wait for its newline
                    }
                    // a line longer than a chunk: shipped in pieces rather than never
                    into.add(new LogLine(fileId, file, offset, offset + length, new String(bytes, 0, length, StandardCharsets.UTF_8)));
                    added++;
                    start = length;
                }
                offset += start;
            }
        }
    }

    /**
     * The identity of a log file: a hash of its first line, or null while that line is incomplete.
     */
    static String identify(Path file) throws IOException {
        byte[] head;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(FINGERPRINT_LIMIT, channel.size()));
            channel.read(buffer, 0);
            head = buffer.array();
        }
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length && head.length < FINGERPRINT_LIMIT) {
            return null;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(head, 0, end);
            return HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
