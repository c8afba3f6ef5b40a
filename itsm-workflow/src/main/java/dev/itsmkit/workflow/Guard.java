package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.sla.Condition;
import dev.itsmkit.sla.TicketView;
import dev.itsmkit.workflow.internal.FieldPresence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule a transition must pass before it is taken: fields present, a condition on the ticket,
 * approvals decided, a permission held by the actor, the current instant inside a change's
 * planned window, or every child ticket finished. A transition passes when all its guards pass; the first that fails is named in
 * the refusal.
 *
 * <p>Immutable and thread-safe. Checking a guard that passes allocates nothing beyond what reading a
 * ticket field allocates; the refusal message is built only when a guard fails.
 */
public sealed interface Guard {
    /**
     * Checks the guard.
     *
     * @param ticket the ticket as it stands before the transition
     * @param actor who asks for the transition
     * @param now the current instant, from the engine's clock
     * @param authorizer decides the actor's permissions
     * @return empty if the guard passes, otherwise why it refuses
     */
    Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer);

    /**
     * Checks the guard with the tickets the ticket links to at hand. Only {@link ChildrenFinished}
     * reads them; every other guard answers as {@link #check(Ticket, Party, Instant, TransitionAuthorizer)}.
     *
     * @param ticket the ticket as it stands before the transition
     * @param actor who asks for the transition
     * @param now the current instant, from the engine's clock
     * @param authorizer decides the actor's permissions
     * @param related finds the tickets the ticket links to
     * @return empty if the guard passes, otherwise why it refuses
     */
    default Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer,
            RelatedTickets related) {
        return check(ticket, actor, now, authorizer);
    }

    /**
     * Describes the guard in a few words, for refusals, documentation and diagrams.
     *
     * @return for example {@code requires resolutionCode, resolutionNotes}
     */
    String describe();

    /**
     * Requires fields to be set.
     *
     * @param fields built-in or custom field names, at least one
     * @return the guard
     * @throws IllegalArgumentException if there is no name or a name is not an identifier
     */
    static Guard requiresFields(String... fields) {
        return new FieldsRequired(List.of(fields));
    }

    /**
     * Requires a condition on the ticket to hold.
     *
     * @param condition over state category, state, priority and fields; besides the ticket's built-in
     *     and declared custom fields it may read the names {@link TicketView#of} derives from every
     *     ticket: {@code kind}, {@code requester}, {@code assignee}, {@code assignmentGroup} and
     *     {@code lastPublicUpdate} (so {@link Condition#kind}, {@link Condition#requester} and
     *     {@link Condition#service} work in guards as in SLA policies)
     * @return the guard
     */
    static Guard when(Condition condition) {
        return new ConditionHolds(condition);
    }

    /**
     * Requires the ticket's approvals to be approved under a policy.
     *
     * @param policy when the approvals suffice
     * @return the guard
     */
    static Guard approved(ApprovalPolicy policy) {
        return new ApprovalsDecided(policy, Verdict.APPROVED);
    }

    /**
     * Requires the ticket's approvals to be rejected under a policy.
     *
     * @param policy when the approvals suffice
     * @return the guard
     */
    static Guard rejected(ApprovalPolicy policy) {
        return new ApprovalsDecided(policy, Verdict.REJECTED);
    }

    /**
     * Requires the actor to hold a permission, as the {@link TransitionAuthorizer} decides.
     *
     * @param permission the permission's name, an identifier such as {@code change.emergency-authority}
     * @return the guard
     * @throws IllegalArgumentException if the name is not an identifier
     */
    static Guard permission(String permission) {
        return new PermissionHeld(permission);
    }

    /**
     * Requires the current instant to be inside a change's planned window; for change lifecycles only.
     *
     * @return the guard
     */
    static Guard insidePlannedWindow() {
        return InsidePlannedWindow.INSTANCE;
    }

    /**
     * Requires every child ticket (the targets of the ticket's {@link LinkType#PARENT_OF} links, such as
     * the tasks {@link Action#createTask} opens) to be finished: in a final state, closed or
     * cancelled. A cancelled child counts as finished: its work will not be done, so nothing is left
     * to wait for. A resolved child does not: it may still be reopened. A ticket without children passes.
     * The children are read through {@link RelatedTickets}, which the {@link ServiceDesk} provides; see
     * {@link Lifecycle#evaluate(Ticket, String, Party, Instant, TransitionAuthorizer, RelatedTickets)}.
     *
     * @return the guard
     */
    static Guard childrenFinished() {
        return ChildrenFinished.INSTANCE;
    }

    /**
     * Fields must be set: present, and for a text not blank, for a list not empty. Each name is
     * resolved once, when the guard is made, to the reader of its field.
     */
    final class FieldsRequired implements Guard {
        private final List<String> fields;
        private final FieldPresence.Reader[] presence;
        /** The first reader, and the second (or one that always answers set when there is one field): see {@link #check}. */
        private final FieldPresence.Reader first;
        private final FieldPresence.Reader second;

        private FieldsRequired(List<String> fields) {
            this.fields = List.copyOf(fields);
            if (this.fields.isEmpty()) {
                throw new IllegalArgumentException("a required-fields guard needs at least one field name");
            }
            this.fields.forEach(f -> Identifier.check("field name", f));
            if (this.fields.stream().distinct().count() != this.fields.size()) {
                throw new IllegalArgumentException("a required-fields guard names each field once, got " + this.fields);
            }
            this.presence = this.fields.stream().map(f -> TicketField.byName(f).map(FieldPresence::reader)
                    .orElseGet(() -> FieldPresence.customReader(f))).toArray(FieldPresence.Reader[]::new);
            this.first = presence[0];
            this.second = presence.length > 1 ? presence[1] : ticket -> true;
        }

        /**
         * Returns the names of the required fields.
         *
         * @return built-in or custom field names, in the order given; unmodifiable
         */
        public List<String> fields() {
            return fields;
        }

        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer) {
            // most guards require one or two fields: those are two straight calls, each a call site of its own
            // (monomorphic for the JIT, so inlined), rather than one loop whose single call site sees every reader
            if (!first.isSet(ticket) || !second.isSet(ticket)) {
                return Optional.of(missing(ticket));
            }
            for (int i = 2; i < presence.length; i++) {
                if (!presence[i].isSet(ticket)) {
                    return Optional.of(missing(ticket));
                }
            }
            return Optional.empty();
        }

        private String missing(Ticket ticket) {
            List<String> missing = new java.util.ArrayList<>();
            for (int i = 0; i < presence.length; i++) {
                if (!presence[i].isSet(ticket)) {
                    missing.add(fields.get(i));
                }
            }
            return (missing.size() == 1 ? "the field " + missing.get(0) + " is" : "the fields " + String.join(", ", missing)
                    + " are") + " not set";
        }

        @Override
        public String describe() {
            return "requires " + String.join(", ", fields);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FieldsRequired other && fields.equals(other.fields);
        }

        @Override
        public int hashCode() {
            return fields.hashCode();
        }

        @Override
        public String toString() {
            return "FieldsRequired" + fields;
        }
    }

    /**
     * A condition on the ticket must hold.
     *
     * @param condition the condition, in the SLA condition language
     */
    record ConditionHolds(Condition condition) implements Guard {
        /**
         * Creates the guard.
         *
         * @param condition the condition
         */
        public ConditionHolds {
            requireNonNull(condition, "condition");
        }

        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer) {
            return condition.test(TicketView.of(ticket)) ? Optional.empty()
                    : Optional.of("the condition " + condition + " does not hold");
        }

        @Override
        public String describe() {
            return "when " + condition;
        }
    }

    /**
     * The ticket's approvals must have reached a verdict under a policy.
     *
     * @param policy when the approvals suffice
     * @param verdict the outcome required: approved, or rejected
     */
    record ApprovalsDecided(ApprovalPolicy policy, Verdict verdict) implements Guard {
        /**
         * Creates the guard.
         *
         * @param policy when the approvals suffice
         * @param verdict the outcome required
         */
        public ApprovalsDecided {
            requireNonNull(policy, "policy");
            requireNonNull(verdict, "verdict");
        }

        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer) {
            ApprovalStatus status = policy.decide(ticket.approvals());
            ApprovalStatus wanted = verdict == Verdict.APPROVED ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
            return status == wanted ? Optional.empty()
                    : Optional.of("the approvals are " + status + ", not " + wanted + ": " + policy.explain(ticket.approvals()));
        }

        @Override
        public String describe() {
            return (verdict == Verdict.APPROVED ? "approved" : "rejected") + " (" + policy + ")";
        }
    }

    /**
     * The actor must hold a permission.
     *
     * @param permission the permission's name
     */
    record PermissionHeld(String permission) implements Guard {
        /**
         * Creates the guard.
         *
         * @param permission the permission's name, an identifier
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public PermissionHeld {
            Identifier.check("permission", permission);
        }

        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer) {
            return authorizer.permits(actor, permission, ticket) ? Optional.empty()
                    : Optional.of(actor + " does not hold the permission " + permission);
        }

        @Override
        public String describe() {
            return "permission " + permission;
        }
    }

    /** The current instant must be inside the change's planned window (start inclusive, end exclusive). */
    final class InsidePlannedWindow implements Guard {
        static final InsidePlannedWindow INSTANCE = new InsidePlannedWindow();

        private InsidePlannedWindow() {}

        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer) {
            if (ticket.kind() != TicketKind.CHANGE) {
                return Optional.of(ticket.number() + " is a " + ticket.kind() + " and has no planned window");
            }
            Optional<TimeWindow> window = ticket.change().plannedWindow();
            if (window.isEmpty()) {
                return Optional.of("the change has no planned window");
            }
            TimeWindow w = window.get();
            return w.contains(now) ? Optional.empty()
                    : Optional.of(now + " is outside the planned window " + w.start() + " to " + w.end());
        }

        @Override
        public String describe() {
            return "inside the planned window";
        }

        @Override
        public String toString() {
            return "InsidePlannedWindow";
        }
    }

    /**
     * Every child ticket must be finished (in a state of category CLOSED or CANCELLED); see
     * {@link Guard#childrenFinished()}. Checking it reads the ticket's links, and the children only when
     * it has some: one lookup per child.
     */
    final class ChildrenFinished implements Guard {
        static final ChildrenFinished INSTANCE = new ChildrenFinished();

        private ChildrenFinished() {}

        /**
         * Checks the guard without the children at hand: passes for a ticket without children, and
         * refuses one with children, whose states only their tickets tell (fails closed).
         */
        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer) {
            List<String> children = ticket.links().stream().filter(l -> l.type() == LinkType.PARENT_OF)
                    .map(l -> l.target().number().toString()).toList();
            return children.isEmpty() ? Optional.empty()
                    : Optional.of(ticket.number() + " has the child tickets " + children + ", whose states were not read;"
                            + " evaluate the lifecycle with RelatedTickets to check them");
        }

        @Override
        public Optional<String> check(Ticket ticket, Party actor, Instant now, TransitionAuthorizer authorizer,
                RelatedTickets related) {
            List<String> open = null;
            for (Link link : ticket.links()) {
                if (link.type() != LinkType.PARENT_OF) {
                    continue;
                }
                Optional<Ticket> child = related.find(link.target());
                StateCategory category = child.map(c -> c.state().category()).orElse(null);
                if (category == null || !category.isFinal()) {
                    if (open == null) {
                        open = new java.util.ArrayList<>(2);
                    }
                    open.add(link.target().number() + (child.isEmpty() ? " (not found)"
                            : " (" + child.get().state().name() + ", " + category + ")"));
                }
            }
            return open == null ? Optional.empty()
                    : Optional.of((open.size() == 1 ? "the child ticket " + open.get(0) + " is" : "the child tickets "
                            + String.join(", ", open) + " are") + " not finished; a child is finished when closed or cancelled");
        }

        @Override
        public String describe() {
            return "children finished";
        }

        @Override
        public String toString() {
            return "ChildrenFinished";
        }
    }
}
