package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** Checks shared by the builders of this package. */
final class CmdbChecks {
    private CmdbChecks() {}

    static String name(String what, String name) {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the name of " + what + " must not be blank");
        }
        return name;
    }

    static <T> T required(String what, String property, @Nullable T value) {
        if (value == null) {
            throw new IllegalStateException(what + " needs " + property + "; none was given");
        }
        return value;
    }
}
