package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Business calendars by name, as SLA targets refer to them. The name {@value #ALWAYS} is built in
 * (every instant counts) and cannot be redefined. Immutable and thread-safe.
 */
public final class BusinessCalendars {
    /** The name of the built-in calendar in which every instant counts. */
    public static final String ALWAYS = "24x7";

    private static final BusinessCalendars ONLY_ALWAYS = new BusinessCalendars(Map.of());

    private final Map<String, BusinessCalendar> byName;

    private BusinessCalendars(Map<String, BusinessCalendar> byName) {
        TreeMap<String, BusinessCalendar> copy = new TreeMap<>(byName);
        copy.put(ALWAYS, BusinessCalendar.always());
        this.byName = Map.copyOf(copy);
    }

    /**
     * Returns the registry of the built-in calendar alone.
     *
     * @return a registry that knows only {@value #ALWAYS}
     */
    public static BusinessCalendars onlyAlways() {
        return ONLY_ALWAYS;
    }

    /**
     * Returns a registry of calendars.
     *
     * @param calendars calendars by name; names are identifiers, and {@value #ALWAYS} is taken
     * @return the registry, which also knows {@value #ALWAYS}
     * @throws IllegalArgumentException if a name is invalid or is {@value #ALWAYS}
     */
    public static BusinessCalendars of(Map<String, BusinessCalendar> calendars) {
        calendars.forEach((name, calendar) -> {
            Identifier.check("calendar name", name);
            requireNonNull(calendar, name);
            if (ALWAYS.equals(name)) {
                throw new IllegalArgumentException("the calendar name " + ALWAYS + " is built in and cannot be redefined");
            }
        });
        return new BusinessCalendars(calendars);
    }

    /**
     * Finds a calendar.
     *
     * @param name its name
     * @return the calendar, or empty if there is none of that name
     */
    public Optional<BusinessCalendar> find(String name) {
        return Optional.ofNullable(byName.get(requireNonNull(name, "name")));
    }

    /**
     * Returns a calendar that must exist.
     *
     * @param name its name
     * @return the calendar
     * @throws IllegalArgumentException if there is none of that name, naming those there are
     */
    public BusinessCalendar get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no business calendar is named '"
                + Identifier.printable(name) + "'; known calendars: " + new java.util.TreeSet<>(byName.keySet())));
    }

    /**
     * Returns the names of all calendars, {@value #ALWAYS} included.
     *
     * @return the names of all calendars, {@value #ALWAYS} included
     */
    public Set<String> names() {
        return byName.keySet();
    }
}
