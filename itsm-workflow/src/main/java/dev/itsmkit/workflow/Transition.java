package dev.itsmkit.workflow;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.Identifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named transition of a lifecycle: from one or more states to one state, taken only when all its
 * guards pass, and carrying the actions the engine performs when it is taken. Whether the states it
 * names exist is checked by the {@link Lifecycle} that holds it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Transition {
    private final String name;
    private final List<String> from;
    private final String to;
    private final List<Guard> guards;
    private final List<Action> actions;

    private Transition(Builder b) {
        this.name = b.name;
        this.from = List.copyOf(b.from);
        this.to = requireNonNull(b.to);
        this.guards = List.copyOf(b.guards);
        this.actions = List.copyOf(b.actions);
    }

    /**
     * Starts a transition.
     *
     * @param name the transition's name, an identifier such as {@code resolve}
     * @return a builder
     * @throws IllegalArgumentException if the name is not an identifier
     */
    public static Builder builder(String name) {
        return new Builder(Identifier.check("transition name", name));
    }

    /**
     * Returns a builder holding every value of this transition, to make a changed copy.
     *
     * @return a builder that builds an equal transition until changed
     */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.from.addAll(from);
        b.to = to;
        b.guards.addAll(guards);
        b.actions.addAll(actions);
        return b;
    }

    /**
     * Returns the transition's name, by which commands ask for it.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the states it leaves from.
     *
     * @return state names, at least one, distinct, in the order given; unmodifiable
     */
    public List<String> from() {
        return from;
    }

    /**
     * Returns the state it leads to.
     *
     * @return a state name
     */
    public String to() {
        return to;
    }

    /**
     * Returns the guards, checked in order; all must pass.
     *
     * @return the guards; unmodifiable
     */
    public List<Guard> guards() {
        return guards;
    }

    /**
     * Returns the actions the engine performs when the transition is taken, in order.
     *
     * @return the actions; unmodifiable
     */
    public List<Action> actions() {
        return actions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transition t && name.equals(t.name) && from.equals(t.from) && to.equals(t.to)
                && guards.equals(t.guards) && actions.equals(t.actions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, from, to, guards, actions);
    }

    @Override
    public String toString() {
        return name + ": " + String.join("|", from) + " -> " + to;
    }

    /** Collects a transition's values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<String> from = new ArrayList<>();
        private @Nullable String to;
        private final List<Guard> guards = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds states the transition leaves from.
         *
         * @param states state names; a name given twice counts once
         * @return this builder
         * @throws IllegalArgumentException if a name is not an identifier
         */
        public Builder from(String... states) {
            for (String state : states) {
                Identifier.check("state name", state);
                if (!from.contains(state)) {
                    from.add(state);
                }
            }
            return this;
        }

        /**
         * Sets the state the transition leads to. Required.
         *
         * @param state a state name
         * @return this builder
         * @throws IllegalArgumentException if the name is not an identifier
         */
        public Builder to(String state) {
            this.to = Identifier.check("state name", state);
            return this;
        }

        /**
         * Adds guards, checked after those added before.
         *
         * @param guards the guards
         * @return this builder
         */
        public Builder guard(Guard... guards) {
            Arrays.stream(guards).forEach(g -> this.guards.add(requireNonNull(g, "guard")));
            return this;
        }

        /**
         * Adds actions, performed after those added before.
         *
         * @param actions the actions
         * @return this builder
         */
        public Builder action(Action... actions) {
            Arrays.stream(actions).forEach(a -> this.actions.add(requireNonNull(a, "action")));
            return this;
        }

        /**
         * Builds the transition.
         *
         * @return the transition
         * @throws IllegalStateException if no state to leave from or no target state was given
         */
        public Transition build() {
            if (from.isEmpty()) {
                throw new IllegalStateException("transition " + name + " needs at least one state to leave from: call from(...)");
            }
            if (to == null) {
                throw new IllegalStateException("transition " + name + " needs a target state: call to(...)");
            }
            return new Transition(this);
        }
    }
}
