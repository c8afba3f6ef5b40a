package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an actor holds a named permission for a ticket. The {@link ServiceDesk} asks it
 * for every command, once, with the command's permission ({@link CommandPermissions}: for example
 * {@value CommandPermissions#ASSIGN} for {@code Assign}), and besides for the
 * {@linkplain Guard.PermissionHeld permission guards} of a lifecycle's transitions and for
 * {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION}. The embedding application implements it over its
 * own directory of roles and groups; ITSM Kit names the permissions, the application decides who
 * holds them. A desk built without one uses {@link #permitAll()}. Implementations must be
 * thread-safe and should be fast and allocation-free when they permit: they are called on every
 * command.
 */
@FunctionalInterface
public interface TransitionAuthorizer {
    /**
     * Tells whether an actor holds a permission for a ticket.
     *
     * @param actor who runs the command or asks for the transition
     * @param permission the permission required, for example {@code ticket.assign} or {@code change.emergency-authority}
     * @param ticket the ticket as it stands before the command; for {@code OpenTicket}, the ticket about
     *     to be created
     * @return {@code true} if the actor may
     */
    boolean permits(Party actor, String permission, Ticket ticket);

    /**
     * Returns an authorizer that permits everything, for tests and single-user tools.
     *
     * @return the authorizer
     */
    static TransitionAuthorizer permitAll() {
        return (actor, permission, ticket) -> true;
    }

    /**
     * Returns an authorizer that permits nothing.
     *
     * @return the authorizer
     */
    static TransitionAuthorizer denyAll() {
        return (actor, permission, ticket) -> false;
    }

    /**
     * Returns an authorizer that grants each actor a fixed set of permissions, whatever the ticket.
     *
     * @param grants the permissions of each actor, copied; actors not listed hold none
     * @return the authorizer
     */
    static TransitionAuthorizer granting(Map<Party, Set<String>> grants) {
        Map<Party, Set<String>> frozen = requireNonNull(grants, "grants").entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        return (actor, permission, ticket) -> frozen.getOrDefault(actor, Set.of()).contains(permission);
    }
}
