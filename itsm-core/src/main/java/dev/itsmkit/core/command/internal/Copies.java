package dev.itsmkit.core.command.internal;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies the collections that commands take, keeping their order and refusing {@code null}s. */
public final class Copies {
    private Copies() {}

    /**
     * Copies a map, keeping its iteration order.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param map the map
     * @param name the component's name, for the message
     * @return an unmodifiable copy in the same order
     * @throws NullPointerException if the map, a key or a value is {@code null}
     */
    public static <K, V> Map<K, V> map(Map<K, V> map, String name) {
        requireNonNull(map, name);
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(requireNonNull(key, () -> "a key of " + name),
                requireNonNull(value, () -> name + "[" + key + "]")));
        return Collections.unmodifiableMap(copy);
    }
}
