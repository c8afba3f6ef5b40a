package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Violation;
import dev.itsmkit.workflow.internal.LifecycleValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle of one kind of ticket, as data: its states (each with a {@link StateCategory}, one of
 * them initial, each with the fields it {@linkplain LifecycleState locks}), its named
 * {@link Transition transitions} with their {@link Guard guards} and {@link Action actions}, and the
 * custom fields its guards and actions may name. A lifecycle is
 * validated when built, so an invalid one never exists, and every change of state goes through one
 * gate, {@link #evaluate}.
 *
 * <p>Validation reports every problem at once, each with its path: a transition from or to an
 * unknown state ({@code transitions[3].to}), a transition leaving a final state, no initial state or
 * several, a state no transition reaches from the initial one or one with no way on to a final state
 * ({@code states.RESOLVED}), two transitions of one name from one state, guards, actions or locked
 * fields ({@code states[2].lockedFields[0]}) that name a field the kind does not have (built-in
 * fields of another kind, custom fields not declared, or a name derived from the ticket, such as
 * {@code requester}, outside a condition), fields locked in a state the lifecycle lacks
 * ({@code lockedFields.LIMBO}), and a set-field action whose value the built-in field does not take
 * ({@code transitions[2].actions[0].value}: a text for a boolean, a hold reason that does not exist,
 * clearing the title).
 *
 * <p>The hot path: construction makes one {@code Step} per (state, transition) pair, holding the
 * state's and the transition's names, the state's category, the guards and a pre-built
 * {@link TransitionDecision.Allowed}, and places the steps in a small power-of-two table keyed by
 * the lengths of the two names (a multiplier is chosen so that no two keys share an index; the steps
 * of one key are chained). {@link #evaluate} reads the two lengths, takes the step at their index
 * (or, when names of the same lengths meet, the next in its chain), compares both names by reference
 * (then by {@code equals}, for an equal string of another reference) and the category, checks the
 * first guard in line and any further guards out of line, and returns the step's decision: no
 * counted loop, no hash computed, nothing allocated for an allowed transition. Keying by lengths
 * rather than by {@link String#hashCode} matters on JDK 17, where the hash's compute-on-first-use
 * loop is compiled into every caller and made the gate too large to be inlined into its caller
 * (C2 inlines a method already compiled only if its code is under 2,500 bytes); the lengths are a
 * coarser key, which the chain and the reference comparison make up for (the built-in lifecycles
 * chain at most three steps). Anything else (a state not of the lifecycle, a transition the state
 * lacks, the steps of a key left out of a very large lifecycle's table) is decided aside by an
 * open-addressing table of per-state slots probed by the state name's hash, then a scan of the
 * state's transitions by {@code equals}; the refusals are built out of line too.
 *
 * <p>Immutable and thread-safe.
 */
public final class Lifecycle {
    private final String id;
    private final int version;
    private final TicketKind kind;
    private final List<LifecycleState> states;
    private final List<Transition> transitions;
    private final Set<String> customFields;
    private final TicketState initialState;
    private final Map<String, StateSlot> slots;
    /** State names and their slots interleaved (name at 2i, slot at 2i + 1); see {@link #find}. */
    private final Object[] slotTable;
    private final int slotMask;
    /** The steps by the lengths of their names; see {@link #placeSteps} and {@link #evaluate}. */
    private final @Nullable Step[] steps;
    private final int stepSeed;
    private final int stepShift;

    private Lifecycle(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.kind = b.kind;
        this.states = List.copyOf(b.states);
        this.transitions = List.copyOf(b.transitions);
        this.customFields = java.util.Collections.unmodifiableSet(new TreeSet<>(b.customFields));
        this.initialState = states.stream().filter(LifecycleState::initial).findFirst().orElseThrow().ticketState();
        Map<String, StateSlot> index = new HashMap<>();
        for (LifecycleState state : states) {
            index.put(state.name(), new StateSlot(state, states, transitions));
        }
        this.slots = index;
        int size = Integer.highestOneBit(Math.max(2, index.size() * 2) - 1) << 1;
        this.slotMask = size - 1;
        this.slotTable = new Object[2 * size];
        index.forEach((name, slot) -> {
            int i = spread(name.hashCode()) & slotMask;
            while (slotTable[2 * i] != null) {
                i = (i + 1) & slotMask;
            }
            slotTable[2 * i] = name;
            slotTable[2 * i + 1] = slot;
        });
        List<Step> all = new ArrayList<>();
        for (LifecycleState state : states) {
            all.addAll(Arrays.asList(index.get(state.name()).steps));
        }
        StepTable table = placeSteps(all);
        this.steps = table.steps;
        this.stepSeed = table.seed;
        this.stepShift = table.shift;
    }

    private record StepTable(@Nullable Step[] steps, int seed, int shift) {}

    /** Odd multipliers tried in turn to give every key an index of its own. */
    private static final int[] SEEDS = {0x9E3779B9, 0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2F, 0x165667B1, 0xD3A2646D,
        0xFD7046C5, 0xB55A4F09};
    /** The largest step table: 2^12 references (16 KiB with compressed references). */
    private static final int MAX_STEP_BITS = 12;

    /**
     * Places the steps in a power-of-two table by their key, the lengths of the state's and the
     * transition's names: the steps of one key are chained, and the keys are given indexes of their
     * own, trying tables from twice the number of keys up to 2^{@value #MAX_STEP_BITS} entries, each
     * with a few multipliers, until one places every key apart (the built-in lifecycles are placed in
     * a table of 16 or 32 entries). If none does, the keys that meet another are left out, and the
     * gate finds their steps aside, in {@link #evaluateAside}.
     */
    private static StepTable placeSteps(List<Step> all) {
        // the steps of one key, chained in the order defined
        Map<Long, List<Step>> byKey = new java.util.LinkedHashMap<>();
        for (Step step : all) {
            byKey.computeIfAbsent((long) step.state.length() << 32 | step.transition.length(),
                    k -> new ArrayList<>()).add(step);
        }
        List<Step> heads = new ArrayList<>();
        for (List<Step> same : byKey.values()) {
            for (int i = 1; i < same.size(); i++) {
                same.get(i - 1).sameKey = same.get(i);
            }
            heads.add(same.get(0));
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * heads.size() - 1)));
        StepTable best = null;
        int bestPlaced = -1;
        for (; bits <= MAX_STEP_BITS; bits++) {
            for (int seed : SEEDS) {
                int shift = 32 - bits;
                Step[] table = new Step[1 << bits];
                boolean[] met = new boolean[table.length];
                for (Step head : heads) {
                    int i = stepIndex(head.state.length(), head.transition.length(), seed, shift);
                    if (table[i] != null || met[i]) {
                        table[i] = null;
                        met[i] = true;
                    } else {
                        table[i] = head;
                    }
                }
                int placed = 0;
                for (Step head : table) {
                    placed += head == null ? 0 : 1;
                }
                if (placed == heads.size()) {
                    return new StepTable(table, seed, shift);
                }
                if (placed > bestPlaced) {
                    best = new StepTable(table, seed, shift);
                    bestPlaced = placed;
                }
            }
        }
        return requireNonNull(best, "best");
    }

    /**
     * Starts a lifecycle at version 1.
     *
     * @param id the lifecycle's id, an identifier such as {@code itil-incident}
     * @param kind the kind of ticket it governs
     * @return a builder
     * @throws IllegalArgumentException if the id is not an identifier
     */
    public static Builder builder(String id, TicketKind kind) {
        return new Builder(Identifier.check("lifecycle id", id), requireNonNull(kind, "kind"));
    }

    /**
     * Returns a builder holding every value of this lifecycle, to make a changed copy (a tenant's own
     * variant of a built-in lifecycle, for example).
     *
     * @return a builder that builds an equal lifecycle until changed
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, kind).version(version);
        b.states.addAll(states);
        b.transitions.addAll(transitions);
        b.customFields.addAll(customFields);
        return b;
    }

    /**
     * Returns the lifecycle's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the lifecycle's version; a changed definition gets a higher one.
     *
     * @return 1 or more
     */
    public int version() {
        return version;
    }

    /**
     * Returns the kind of ticket the lifecycle governs.
     *
     * @return the kind
     */
    public TicketKind kind() {
        return kind;
    }

    /**
     * Returns the states, in the order defined.
     *
     * @return the states; unmodifiable
     */
    public List<LifecycleState> states() {
        return states;
    }

    /**
     * Returns the transitions, in the order defined.
     *
     * @return the transitions; unmodifiable
     */
    public List<Transition> transitions() {
        return transitions;
    }

    /**
     * Returns the custom fields the lifecycle's guards and actions may name.
     *
     * @return the names in alphabetical order; unmodifiable
     */
    public Set<String> customFields() {
        return customFields;
    }

    /**
     * Returns the state a new ticket starts in.
     *
     * @return the initial state
     */
    public TicketState initialState() {
        return initialState;
    }

    /**
     * Finds a state by name.
     *
     * @param name the state's name
     * @return the state, or empty if the lifecycle has none of that name
     */
    public Optional<LifecycleState> state(String name) {
        requireNonNull(name, "name");
        return states.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Returns the fields locked while a ticket is in a state (see {@link LifecycleState}): changes
     * to them by hand are refused. Cheap: one probe of the state table, nothing allocated.
     *
     * @param state a ticket's state
     * @return the locked fields, sorted and unmodifiable; empty if the state locks none or is not a
     *     state of this lifecycle (of that name and category)
     */
    public Set<String> lockedFields(TicketState state) {
        StateSlot slot = find(state.name());
        return slot == null || slot.category != state.category() ? Set.of() : slot.lockedFields;
    }

    /**
     * Tells whether a ticket state belongs to the lifecycle: a state of that name and category.
     *
     * @param state a ticket's state
     * @return {@code true} if the lifecycle defines it
     */
    public boolean defines(TicketState state) {
        StateSlot slot = find(state.name());
        return slot != null && slot.category == state.category();
    }

    /**
     * Returns the transitions defined from a state, whatever their guards would say.
     *
     * @param state the state's name
     * @return the transitions leaving it, in the order defined; empty for a final state
     * @throws IllegalArgumentException if the lifecycle has no such state
     */
    public List<Transition> allowedFrom(String state) {
        return slot(state).transitionList;
    }

    /**
     * Returns the transitions defined from a ticket state, whatever their guards would say.
     *
     * @param state the state
     * @return the transitions leaving it, in the order defined
     * @throws IllegalArgumentException if the lifecycle has no state of that name and category
     */
    public List<Transition> allowedFrom(TicketState state) {
        if (!defines(state)) {
            throw new IllegalArgumentException("lifecycle " + id + " v" + version + " has no state " + state + "; its states: "
                    + states.stream().map(s -> s.name() + "(" + s.category() + ")").toList());
        }
        return slot(state.name()).transitionList;
    }

    /**
     * Finds the transition of a name from a state.
     *
     * @param from the state's name
     * @param name the transition's name
     * @return the transition, or empty if the state has none of that name
     * @throws IllegalArgumentException if the lifecycle has no such state
     */
    public Optional<Transition> transition(String from, String name) {
        requireNonNull(name, "name");
        return slot(from).transitionList.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private StateSlot slot(String state) {
        requireNonNull(state, "state");
        StateSlot slot = slots.get(state);
        if (slot == null) {
            throw new IllegalArgumentException("lifecycle " + id + " v" + version + " has no state '"
                    + Identifier.printable(state) + "'; its states: " + states.stream().map(LifecycleState::name).toList());
        }
        return slot;
    }

    /**
     * The one gate of the lifecycle: decides whether a ticket may take a transition now. Looks the
     * transition up from the ticket's state and checks its guards in order; the first guard that
     * fails is named in the refusal. Changes nothing: the engine applies an allowed decision.
     *
     * @param ticket the ticket as it stands
     * @param transition the transition's name
     * @param actor who asks for it
     * @param now the current instant, from the engine's clock
     * @param authorizer decides the actor's permissions for permission guards
     * @return the allowed decision with the target state and actions, or the refusal
     * @throws IllegalArgumentException if the ticket is of another kind than the lifecycle governs
     */
    public TransitionDecision evaluate(Ticket ticket, String transition, Party actor, Instant now,
            TransitionAuthorizer authorizer) {
        requireNonNull(ticket, "ticket");
        requireNonNull(transition, "transition");
        requireNonNull(actor, "actor");
        requireNonNull(now, "now");
        requireNonNull(authorizer, "authorizer");
        if (ticket.kind() != kind) {
            throw wrongKind(ticket);
        }
        TicketState state = ticket.state();
        String name = state.name();
        StateCategory category = state.category();
        Step step = steps[stepIndex(name.length(), transition.length(), stepSeed, stepShift)];
        while (step != null && !step.matches(name, transition, category)) {
            step = step.sameKey;
        }
        if (step == null) {
            return evaluateAside(ticket, transition, actor, now, authorizer);
        }
        Guard first = step.firstGuard;
        if (first != null) {
            Optional<String> refusal = first.check(ticket, actor, now, authorizer);
            if (refusal.isPresent()) {
                return guardFailed(transition, step, state, first, refusal.get());
            }
            if (step.guards.length > 1) {
                return checkFurtherGuards(ticket, transition, actor, now, authorizer, step);
            }
        }
        return step.allowed;
    }

    /**
     * The gate, with the tickets the ticket links to at hand for the guards that read them
     * ({@link Guard#childrenFinished()}); otherwise as
     * {@link #evaluate(Ticket, String, Party, Instant, TransitionAuthorizer)}, which it calls first: the
     * linked tickets are looked up only when that refuses at such a guard, so a ticket without
     * children, or a transition without the guard, costs no lookup.
     *
     * @param ticket the ticket as it stands
     * @param transition the transition's name
     * @param actor who asks for it
     * @param now the current instant, from the engine's clock
     * @param authorizer decides the actor's permissions for permission guards
     * @param related finds the tickets the ticket links to
     * @return the allowed decision with the target state and actions, or the refusal
     * @throws IllegalArgumentException if the ticket is of another kind than the lifecycle governs
     */
    public TransitionDecision evaluate(Ticket ticket, String transition, Party actor, Instant now,
            TransitionAuthorizer authorizer, RelatedTickets related) {
        requireNonNull(related, "related");
        TransitionDecision decision = evaluate(ticket, transition, actor, now, authorizer);
        if (decision instanceof TransitionDecision.Refused refused
                && refused.guard().filter(Guard.ChildrenFinished.class::isInstance).isPresent()) {
            return evaluateWithRelated(ticket, transition, actor, now, authorizer, related);
        }
        return decision;
    }

    /** The guards of a transition checked again in order, with the linked tickets (after a children guard refused). */
    private TransitionDecision evaluateWithRelated(Ticket ticket, String transition, Party actor, Instant now,
            TransitionAuthorizer authorizer, RelatedTickets related) {
        TicketState state = ticket.state();
        StateSlot slot = requireNonNull(find(state.name()), "a guard refused, so the state is the lifecycle's");
        Step step = slot.steps[slot.indexOf(transition)];
        for (Guard guard : step.guards) {
            Optional<String> refusal = guard.check(ticket, actor, now, authorizer, related);
            if (refusal.isPresent()) {
                return guardFailed(transition, step, state, guard, refusal.get());
            }
        }
        return step.allowed;
    }

    /** The guards after the first, for the few transitions that have several (a loop, kept off the gate's path). */
    private static TransitionDecision checkFurtherGuards(Ticket ticket, String transition, Party actor, Instant now,
            TransitionAuthorizer authorizer, Step step) {
        Guard[] guards = step.guards;
        for (int g = 1; g < guards.length; g++) {
            Optional<String> refusal = guards[g].check(ticket, actor, now, authorizer);
            if (refusal.isPresent()) {
                return guardFailed(transition, step, ticket.state(), guards[g], refusal.get());
            }
        }
        return step.allowed;
    }

    /**
     * The gate for what the step table does not answer: a state not of this lifecycle or of another
     * category, a transition the state does not have, and a step left out of the table (one whose
     * key met another in a lifecycle too large to place every key apart). Looks the pair up by
     * {@link String#equals}.
     */
    private TransitionDecision evaluateAside(Ticket ticket, String transition, Party actor, Instant now,
            TransitionAuthorizer authorizer) {
        TicketState state = ticket.state();
        StateSlot slot = find(state.name());
        if (slot == null || slot.category != state.category()) {
            return notInLifecycle(transition, state);
        }
        int i = slot.indexOf(transition);
        if (i < 0) {
            return noSuchTransition(transition, state, slot);
        }
        Step step = slot.steps[i];
        for (Guard guard : step.guards) {
            Optional<String> refusal = guard.check(ticket, actor, now, authorizer);
            if (refusal.isPresent()) {
                return guardFailed(transition, step, state, guard, refusal.get());
            }
        }
        return step.allowed;
    }

    /**
     * The index of a key in the step table: the two lengths (at most 128 each, identifiers) in one int,
     * spread by a multiplier and cut to the table's size by its top bits.
     */
    private static int stepIndex(int stateLength, int transitionLength, int seed, int shift) {
        return (transitionLength << 8 | stateLength) * seed >>> shift;
    }

    // the refusals and errors are built out of line, so that the hot path above stays small enough for
    // the JIT to inline into the engine's command handling

    private IllegalArgumentException wrongKind(Ticket ticket) {
        return new IllegalArgumentException("lifecycle " + id + " governs " + kind + " tickets, " + ticket.number()
                + " is a " + ticket.kind());
    }

    private static TransitionDecision guardFailed(String transition, Step step, TicketState state, Guard guard,
            String refusal) {
        return new TransitionDecision.Refused(transition, state, RefusalReason.GUARD_FAILED, Optional.of(guard), refusal,
                step.slot.names());
    }

    private TransitionDecision notInLifecycle(String transition, TicketState state) {
        return new TransitionDecision.Refused(transition, state, RefusalReason.STATE_NOT_IN_LIFECYCLE, Optional.empty(),
                "the state " + state + " is not a state of lifecycle " + id + " v" + version, List.of());
    }

    private TransitionDecision noSuchTransition(String transition, TicketState state, StateSlot slot) {
        return new TransitionDecision.Refused(transition, state, RefusalReason.NO_SUCH_TRANSITION, Optional.empty(),
                "lifecycle " + id + " v" + version + " has no transition '" + Identifier.printable(transition) + "' from "
                        + state.name(), slot.names());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lifecycle l && id.equals(l.id) && version == l.version && kind == l.kind
                && states.equals(l.states) && transitions.equals(l.transitions) && customFields.equals(l.customFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, kind, states, transitions, customFields);
    }

    @Override
    public String toString() {
        return "Lifecycle[" + id + " v" + version + " for " + kind + ", " + states.size() + " states, " + transitions.size()
                + " transitions]";
    }

    /**
     * Finds a state's slot in an open-addressing table: a power-of-two array of names interleaved with
     * their slots, probed linearly from the name's (cached) hash, so a probe touches one array. A lookup
     * compares references first, which is all it takes when the ticket's state name is the lifecycle's
     * own string, as it is for every state the engine set from an allowed decision; otherwise one
     * {@link String#equals}. Unlike a {@link HashMap} behind the {@link Map} interface, the probe is
     * small enough to be inlined whole.
     */
    private @Nullable StateSlot find(String name) {
        Object[] table = slotTable;
        int i = spread(name.hashCode()) & slotMask;
        Object candidate;
        while ((candidate = table[2 * i]) != null) {
            if (candidate == name || candidate.equals(name)) {
                return (StateSlot) table[2 * i + 1];
            }
            i = (i + 1) & slotMask;
        }
        return null;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** The transitions leaving one state, in arrays for the gate. */
    private static final class StateSlot {
        final TicketState state;
        final StateCategory category;
        final String[] names;
        final Guard[][] guards;
        final Step[] steps;
        final List<Transition> transitionList;
        final List<String> nameList;
        final Set<String> lockedFields;

        StateSlot(LifecycleState definition, List<LifecycleState> states, List<Transition> transitions) {
            TicketState state = definition.ticketState();
            this.state = state;
            this.category = state.category();
            this.lockedFields = definition.lockedFields();
            List<Transition> leaving = transitions.stream().filter(t -> t.from().contains(state.name())).toList();
            this.transitionList = leaving;
            this.names = leaving.stream().map(Transition::name).toArray(String[]::new);
            this.nameList = List.of(names);
            this.guards = leaving.stream().map(t -> t.guards().toArray(Guard[]::new)).toArray(Guard[][]::new);
            this.steps = new Step[names.length];
            for (int i = 0; i < names.length; i++) {
                Transition t = leaving.get(i);
                TicketState to = states.stream().filter(s -> s.name().equals(t.to())).findFirst().orElseThrow().ticketState();
                steps[i] = new Step(state.name(), names[i], category, guards[i], new TransitionDecision.Allowed(t, state, to),
                        this);
            }
        }

        List<String> names() {
            return nameList;
        }

        /** The index of a transition by name, or -1. */
        int indexOf(String transition) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(transition)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * One transition from one state: what the gate needs to decide it, so that an allowed step reads
     * this object, its guards and nothing else of the lifecycle.
     */
    private static final class Step {
        final String state;
        final String transition;
        final StateCategory category;
        final Guard[] guards;
        /** The first guard, or null for a transition without guards: most have none or one, see {@link #evaluate}. */
        final @Nullable Guard firstGuard;
        final TransitionDecision.Allowed allowed;
        final StateSlot slot;
        /** The next step of the same key (names of the same lengths), set while the lifecycle is built. */
        @Nullable Step sameKey;

        Step(String state, String transition, StateCategory category, Guard[] guards, TransitionDecision.Allowed allowed,
                StateSlot slot) {
            this.state = state;
            this.transition = transition;
            this.category = category;
            this.guards = guards;
            this.firstGuard = guards.length == 0 ? null : guards[0];
            this.allowed = allowed;
            this.slot = slot;
        }

        /**
         * Tells whether this is the step asked for. References are compared first: the ticket's state
         * name is the lifecycle's own string once the engine has applied one of its decisions, and
         * transition names are mostly literals; an equal string of another reference costs one
         * {@link String#equals} per name.
         */
        boolean matches(String stateName, String transitionName, StateCategory stateCategory) {
            return (state == stateName || state.equals(stateName))
                    && (transition == transitionName || transition.equals(transitionName))
                    && category == stateCategory;
        }
    }

    /**
     * Collects a lifecycle's definition; {@link #build()} validates it whole. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final TicketKind kind;
        private int version = 1;
        private final List<LifecycleState> states = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final Set<String> customFields = new java.util.LinkedHashSet<>();
        /** Fields to lock by state name, merged into the states by {@link #build()}. */
        private final Map<String, Set<String>> locks = new java.util.LinkedHashMap<>();

        private Builder(String id, TicketKind kind) {
            this.id = id;
            this.kind = kind;
        }

        /**
         * Sets the version; 1 unless set.
         *
         * @param version 1 or more, checked by {@link #build()}
         * @return this builder
         */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        /**
         * Adds the state new tickets start in.
         *
         * @param name the state's name
         * @param category what it means
         * @return this builder
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public Builder initialState(String name, StateCategory category) {
            return state(new LifecycleState(name, category, true));
        }

        /**
         * Adds a state that is not initial.
         *
         * @param name the state's name
         * @param category what it means
         * @return this builder
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public Builder state(String name, StateCategory category) {
            return state(new LifecycleState(name, category, false));
        }

        /**
         * Adds a state.
         *
         * @param state the state
         * @return this builder
         */
        public Builder state(LifecycleState state) {
            states.add(requireNonNull(state, "state"));
            return this;
        }

        /**
         * Adds a transition.
         *
         * @param transition the transition
         * @return this builder
         */
        public Builder transition(Transition transition) {
            transitions.add(requireNonNull(transition, "transition"));
            return this;
        }

        /**
         * Adds a transition from its builder.
         *
         * @param transition the transition's builder, built now
         * @return this builder
         * @throws IllegalStateException if the transition lacks its states
         */
        public Builder transition(Transition.Builder transition) {
            return transition(transition.build());
        }

        /**
         * Removes every transition of a name, to redefine it in a variant of a lifecycle.
         *
         * @param name the transition's name
         * @return this builder
         */
        public Builder removeTransition(String name) {
            requireNonNull(name, "name");
            transitions.removeIf(t -> t.name().equals(name));
            return this;
        }

        /**
         * Declares custom fields that guards and actions may name.
         *
         * @param names custom field names; identifiers not taken by a built-in field
         * @return this builder
         */
        public Builder customFields(String... names) {
            Arrays.stream(names).forEach(n -> customFields.add(requireNonNull(n, "name")));
            return this;
        }

        /**
         * Locks fields in a state: while a ticket is in it, neither {@code UpdateFields} nor the
         * fields of a transition (nor, in the initial state, of {@code OpenTicket}) may change them;
         * the lifecycle's actions still may. See {@link LifecycleState}. Adds to the fields locked
         * there already; {@link #build()} checks that the state exists and that the fields are the
         * kind's built-in fields or declared custom fields.
         *
         * @param state the state's name
         * @param fields the fields to lock in it
         * @return this builder
         */
        public Builder lockFields(String state, String... fields) {
            requireNonNull(state, "state");
            Set<String> locked = locks.computeIfAbsent(state, s -> new java.util.LinkedHashSet<>());
            Arrays.stream(fields).forEach(f -> locked.add(requireNonNull(f, "field")));
            return this;
        }

        /**
         * Validates the definition and builds the lifecycle.
         *
         * @return the lifecycle
         * @throws ValidationException listing every problem with its path
         */
        public Lifecycle build() {
            List<Violation> lockViolations = new ArrayList<>();
            if (!locks.isEmpty()) {
                for (Map.Entry<String, Set<String>> lock : locks.entrySet()) {
                    int at = -1;
                    for (int i = 0; i < states.size(); i++) {
                        if (states.get(i).name().equals(lock.getKey())) {
                            at = i;
                        }
                    }
                    if (at < 0) {
                        lockViolations.add(new Violation("lockedFields." + lock.getKey(), Identifier.printable(lock.getKey()),
                                "is not a state of the lifecycle, so no field can be locked in it; states: "
                                        + states.stream().map(LifecycleState::name).toList()));
                    } else {
                        states.set(at, states.get(at).withLockedFields(lock.getValue()));
                    }
                }
                locks.clear();
            }
            List<Violation> violations = LifecycleValidator.validate(kind, version, states, transitions, customFields);
            if (!lockViolations.isEmpty()) {
                violations = new ArrayList<>(violations);
                violations.addAll(lockViolations);
            }
            if (!violations.isEmpty()) {
                throw new ValidationException("lifecycle " + id + " v" + version + " for " + kind, violations);
            }
            return new Lifecycle(this);
        }
    }
}
