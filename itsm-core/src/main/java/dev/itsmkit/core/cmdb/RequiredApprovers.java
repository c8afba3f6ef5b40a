package dev.itsmkit.core.cmdb;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who must approve a request for a {@link CatalogueItem} before it is fulfilled: nobody, any one of
 * some approvers, all of them, a quorum of them, or all of them one after the other.
 *
 * <p>Approvers are persons or groups. A group counts as one approver: any one of its members
 * approves for the group. This is data only; the approval engine that enforces it is part of the
 * workflow. Every variant is an immutable, thread-safe record; its list of approvers is copied,
 * non-empty (except for {@link None}) and free of duplicates.
 */
public sealed interface RequiredApprovers {
    /**
     * Returns the parties that may approve.
     *
     * @return an unmodifiable list in the order given; empty for {@link None}
     */
    List<Party> approvers();

    /**
     * Returns the requirement that nobody approves.
     *
     * @return {@link None#INSTANCE}
     */
    static RequiredApprovers none() {
        return None.INSTANCE;
    }

    /**
     * Returns the requirement that any one of these approvers approves.
     *
     * @param approvers persons or groups, at least one, each once
     * @return the requirement
     * @throws IllegalArgumentException if the list is empty, repeats a party, or names a party that is
     *     neither a person nor a group
     */
    static RequiredApprovers anyOf(Party... approvers) {
        return new AnyOf(List.of(approvers));
    }

    /**
     * Returns the requirement that every one of these approvers approves, in any order.
     *
     * @param approvers persons or groups, at least one, each once
     * @return the requirement
     * @throws IllegalArgumentException if the list is empty, repeats a party, or names a party that is
     *     neither a person nor a group
     */
    static RequiredApprovers allOf(Party... approvers) {
        return new AllOf(List.of(approvers));
    }

    /**
     * Returns the requirement that at least {@code required} of these approvers approve.
     *
     * @param required how many approvals are needed, 1 to the number of approvers
     * @param approvers persons or groups, at least one, each once
     * @return the requirement
     * @throws IllegalArgumentException if {@code required} is out of range, or the list is empty,
     *     repeats a party, or names a party that is neither a person nor a group
     */
    static RequiredApprovers quorum(int required, Party... approvers) {
        return new Quorum(required, List.of(approvers));
    }

    /**
     * Returns the requirement that these approvers approve one after the other, in this order.
     *
     * @param approvers persons or groups, at least one, each once
     * @return the requirement
     * @throws IllegalArgumentException if the list is empty, repeats a party, or names a party that is
     *     neither a person nor a group
     */
    static RequiredApprovers inSequence(Party... approvers) {
        return new InSequence(List.of(approvers));
    }

    /** No approval is needed. */
    record None() implements RequiredApprovers {
        /** The one instance. */
        public static final None INSTANCE = new None();

        @Override
        public List<Party> approvers() {
            return List.of();
        }
    }

    /**
     * Any one of the approvers suffices.
     *
     * @param approvers persons or groups, at least one, each once
     */
    record AnyOf(List<Party> approvers) implements RequiredApprovers {
        /**
         * Creates the value, checking its components.
         *
         * @param approvers persons or groups, at least one, each once
         * @throws IllegalArgumentException if the list is empty, repeats a party, or names a party
         *     that is neither a person nor a group
         */
        public AnyOf {
            approvers = checked("any of", approvers);
        }
    }

    /**
     * Every one of the approvers must approve, in any order.
     *
     * @param approvers persons or groups, at least one, each once
     */
    record AllOf(List<Party> approvers) implements RequiredApprovers {
        /**
         * Creates the value, checking its components.
         *
         * @param approvers persons or groups, at least one, each once
         * @throws IllegalArgumentException if the list is empty, repeats a party, or names a party
         *     that is neither a person nor a group
         */
        public AllOf {
            approvers = checked("all of", approvers);
        }
    }

    /**
     * At least {@code required} of the approvers must approve.
     *
     * @param required how many approvals are needed, 1 to the number of approvers
     * @param approvers persons or groups, at least one, each once
     */
    record Quorum(int required, List<Party> approvers) implements RequiredApprovers {
        /**
         * Creates the value, checking its components.
         *
         * @param required how many approvals are needed, 1 to the number of approvers
         * @param approvers persons or groups, at least one, each once
         * @throws IllegalArgumentException if {@code required} is out of range, or the list is empty,
         *     repeats a party, or names a party that is neither a person nor a group
         */
        public Quorum {
            approvers = checked("a quorum of", approvers);
            if (required < 1 || required > approvers.size()) {
                throw new IllegalArgumentException("a quorum needs 1 to " + approvers.size()
                        + " approvals (the number of approvers), got " + required);
            }
        }
    }

    /**
     * The approvers approve one after the other, in the order of the list.
     *
     * @param approvers persons or groups, at least one, each once
     */
    record InSequence(List<Party> approvers) implements RequiredApprovers {
        /**
         * Creates the value, checking its components.
         *
         * @param approvers persons or groups, at least one, each once
         * @throws IllegalArgumentException if the list is empty, repeats a party, or names a party
         *     that is neither a person nor a group
         */
        public InSequence {
            approvers = checked("in sequence", approvers);
        }
    }

    private static List<Party> checked(String form, List<Party> approvers) {
        List<Party> copy = List.copyOf(requireNonNull(approvers, "approvers"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an approval '" + form + "' needs at least one approver");
        }
        Set<Party> seen = new HashSet<>();
        for (Party approver : copy) {
            if (approver.kind() != PartyKind.PERSON && approver.kind() != PartyKind.GROUP) {
                throw new IllegalArgumentException("an approver is a person or a group, got " + approver);
            }
            if (!seen.add(approver)) {
                throw new IllegalArgumentException("approver " + approver + " is listed twice in an approval '"
                        + form + "'; each approver appears once");
            }
        }
        return copy;
    }
}
