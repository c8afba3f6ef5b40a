package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells who belongs to which group, so that an approval requested from a group can be decided by any
 * one of its members (see {@link ServiceDesk.Builder#groups}). The embedding application implements
 * it over its own directory; ITSM Kit only asks. A member's decision is the group's: the group's
 * approval is decided once, recorded with the member as the deciding actor, and counts once towards
 * the {@link ApprovalPolicy} (any, all, a quorum, a sequence) like a person's.
 *
 * <p>Implementations must be thread-safe and should be fast: the desk asks on every approval decided
 * by someone other than the approver.
 */
@FunctionalInterface
public interface GroupMembership {
    /**
     * Tells whether a party belongs to a group.
     *
     * @param member the party deciding, usually a person
     * @param group the group an approval was requested from ({@link PartyKind#GROUP})
     * @return {@code true} if {@code member} belongs to {@code group}
     */
    boolean isMember(Party member, Party group);

    /**
     * Returns a directory in which no group has members: an approval requested from a group can then be
     * decided only by an actor holding {@link ServiceDesk#DECIDE_ON_BEHALF_PERMISSION}. The desk's default.
     *
     * @return the directory
     */
    static GroupMembership none() {
        return (member, group) -> false;
    }

    /**
     * Returns a fixed directory.
     *
     * @param membersByGroup the members of each group, copied; every key must be a group
     * @return the directory
     * @throws IllegalArgumentException if a key is not a party of kind {@link PartyKind#GROUP}
     */
    static GroupMembership of(Map<Party, Set<Party>> membersByGroup) {
        requireNonNull(membersByGroup, "membersByGroup");
        for (Party group : membersByGroup.keySet()) {
            if (group.kind() != PartyKind.GROUP) {
                throw new IllegalArgumentException("group membership is kept for groups only, but " + group
                        + " is a " + group.kind() + "; use Party.group(id) for the keys");
            }
        }
        Map<Party, Set<Party>> frozen = membersByGroup.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        return (member, group) -> frozen.getOrDefault(group, Set.of()).contains(member);
    }
}
