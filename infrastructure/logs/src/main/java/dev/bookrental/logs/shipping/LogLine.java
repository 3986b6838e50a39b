package dev.bookrental.logs.shipping;

import java.nio.file.Path;

/**
 * One complete line of a log file and where it lies: the file's identity (see
 * {@link LogFileTailer#identify}), the byte offset it starts at and the offset just past its
 * newline. Identity and offset name the line for good: the same line read again, after a restart
 * or a rotation, has the same name, which is what makes re-sending it harmless.
 */
public record LogLine(String fileId, Path path, long offset, long end, String text) {
}
