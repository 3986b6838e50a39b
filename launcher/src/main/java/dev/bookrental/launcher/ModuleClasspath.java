package dev.bookrental.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The runtime class path of a built module: its jar plus the class path the build wrote. */
public final class ModuleClasspath {

    private ModuleClasspath() {
    }

    public static String of(Path module) throws IOException {
        Path target = module.resolve("target");
        Path classpath = target.resolve("classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(module + " is not built: run ./mvnw package first (" + classpath + " is missing)");
        }
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in " + target + ": run ./mvnw package first"));
        }
        String dependencies = Files.readString(classpath).strip();
        return dependencies.isEmpty() ? jar.toString() : jar + java.io.File.pathSeparator + dependencies;
    }
}
