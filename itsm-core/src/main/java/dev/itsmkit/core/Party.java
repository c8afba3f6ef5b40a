package dev.itsmkit.core;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.internal.Identifiers;

/**
 * A reference to someone or something that takes part in service management: a person, a group, an
 * organisation or a system. The application owns the directory of parties; ITSM Kit stores only
 * these references. Every command and event names the party that acted.
 *
 * @param kind what kind of party this is
 * @param id the party's identifier in the application's directory (letters, digits and
 *     {@code . _ : @ -}, 1 to 128 characters)
 */
public record Party(PartyKind kind, String id) {
    /** The SLA timer engine and other work ITSM Kit does on its own. */
    public static final Party ITSM_KIT = new Party(PartyKind.SYSTEM, "itsm-kit");
    /**
     * Creates the value, checking its components.
     *
     * @param kind what kind of party this is 
     * @param id the party's identifier in the application's directory (letters, digits and {@code . _ : @ -}, 1 to 128 characters)
     */
    public Party {
        requireNonNull(kind, "kind");
        Identifiers.check(kind.name().toLowerCase(java.util.Locale.ROOT) + " id", id);
    }

    /**
     * Returns a person.
     *
     * @param id the person's identifier
     * @return the party
     * @throws IllegalArgumentException if {@code id} is not a valid identifier
     */
    public static Party person(String id) {
        return new Party(PartyKind.PERSON, id);
    }

    /**
     * Returns a group.
     *
     * @param id the group's identifier
     * @return the party
     * @throws IllegalArgumentException if {@code id} is not a valid identifier
     */
    public static Party group(String id) {
        return new Party(PartyKind.GROUP, id);
    }

    /**
     * Returns an organisation.
     *
     * @param id the organisation's identifier
     * @return the party
     * @throws IllegalArgumentException if {@code id} is not a valid identifier
     */
    public static Party organization(String id) {
        return new Party(PartyKind.ORGANIZATION, id);
    }

    /**
     * Returns a system.
     *
     * @param id the system's identifier
     * @return the party
     * @throws IllegalArgumentException if {@code id} is not a valid identifier
     */
    public static Party system(String id) {
        return new Party(PartyKind.SYSTEM, id);
    }

    /**
     * Parses the form that {@link #toString()} prints, such as {@code person:alice} or {@code group:service-desk}.
     *
     * @param text a kind ({@code person}, {@code group}, {@code organization}, {@code system}), a colon and an id
     * @return the party
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Party parse(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String kind = text.substring(0, colon).toUpperCase(java.util.Locale.ROOT);
            for (PartyKind candidate : PartyKind.values()) {
                if (candidate.name().equals(kind)) {
                    return new Party(candidate, text.substring(colon + 1));
                }
            }
        }
        throw new IllegalArgumentException("a party is written kind:id with kind person, group, organization or system,"
                + " for example person:alice, got '" + dev.itsmkit.core.internal.Identifiers.printable(text) + "'");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
