package dev.itsmkit.definitions;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;

/** The two notations of a definition document; both say exactly the same things. */
public enum DefinitionFormat {
    /** JSON (RFC 8259). */
    JSON,
    /** YAML 1.1, read into the same tree as JSON; one document per file. */
    YAML;

    /**
     * Chooses the format by a file's name: YAML if it ends in {@code .yaml} or {@code .yml}, JSON
     * otherwise.
     *
     * @param file the file
     * @return the format
     */
    public static DefinitionFormat of(Path file) {
        requireNonNull(file, "file");
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }
}
