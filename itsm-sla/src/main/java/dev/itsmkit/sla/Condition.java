package dev.itsmkit.sla;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A condition over a ticket, as SLA policies use them to start, pause, stop, cancel and restart
 * clocks and to choose the tickets they apply to ({@link SlaPolicy#when}): the forms of the SLA
 * scenario format, combinable with {@link #all}, {@link #any} and {@link #not}. Values compare
 * exactly, type included. {@link #kind}, {@link #service} and {@link #requester} are field
 * conditions over the fields {@link TicketView#of(dev.itsmkit.core.Ticket)} shows. Immutable and
 * thread-safe.
 */
public sealed interface Condition {
    /**
     * Tells whether the condition holds for a ticket.
     *
     * @param ticket the ticket as it stands
     * @return {@code true} if it holds
     */
    boolean test(TicketView ticket);

    /**
     * Holds when the ticket's state is of one of the categories.
     *
     * @param categories the categories, at least one
     * @return the condition
     */
    static Condition category(StateCategory... categories) {
        return new CategoryIn(Set.of(categories));
    }

    /**
     * Holds when the ticket's state has one of the names.
     *
     * @param names the state names, at least one
     * @return the condition
     */
    static Condition state(String... names) {
        return new StateIn(Set.of(names));
    }

    /**
     * Holds when the ticket has one of the priorities.
     *
     * @param priorities the priorities, at least one
     * @return the condition
     */
    static Condition priority(Priority... priorities) {
        return new PriorityIn(Set.of(priorities));
    }

    /**
     * Holds when the ticket is of one of the kinds: a field condition on {@value TicketView#KIND}.
     *
     * @param kinds the kinds, at least one
     * @return the condition
     * @throws IllegalArgumentException if no kind is given
     */
    static Condition kind(TicketKind... kinds) {
        return new FieldIn(TicketView.KIND, Stream.of(kinds).map(k -> FieldValue.of(k.name())).distinct().toList());
    }

    /**
     * Holds when the ticket's affected service is one of these: a field condition on the built-in
     * field {@code service}. A ticket without a service matches none.
     *
     * @param services the services, at least one
     * @return the condition
     * @throws IllegalArgumentException if no service is given
     */
    static Condition service(ServiceId... services) {
        return new FieldIn(TicketField.SERVICE.fieldName(),
                Stream.of(services).map(s -> FieldValue.of(s.value())).distinct().toList());
    }

    /**
     * Holds when the ticket's requester, the customer who asked, is one of these parties: a field
     * condition on {@value TicketView#REQUESTER}. For a customer organisation that is not the
     * requester itself, keep it in a custom field and use {@link #fieldEquals}.
     *
     * @param requesters the parties, at least one
     * @return the condition
     * @throws IllegalArgumentException if no party is given
     */
    static Condition requester(Party... requesters) {
        return new FieldIn(TicketView.REQUESTER, Stream.of(requesters).map(p -> FieldValue.of(p.toString())).distinct().toList());
    }

    /**
     * Holds when a field has exactly a value, type included.
     *
     * @param field the field's name
     * @param value the value
     * @return the condition
     */
    static Condition fieldEquals(String field, FieldValue value) {
        return new FieldIn(field, List.of(value));
    }

    /**
     * Holds when a field has one of the values, type included.
     *
     * @param field the field's name
     * @param values the values, at least one
     * @return the condition
     */
    static Condition fieldIn(String field, List<FieldValue> values) {
        return new FieldIn(field, values);
    }

    /**
     * Holds when a field is set, or when it is not.
     *
     * @param field the field's name
     * @param present whether the field must be set
     * @return the condition
     */
    static Condition fieldPresent(String field, boolean present) {
        return new FieldPresent(field, present);
    }

    /**
     * Holds when all the conditions hold.
     *
     * @param conditions the conditions, at least one
     * @return the condition
     */
    static Condition all(Condition... conditions) {
        return new All(List.of(conditions));
    }

    /**
     * Holds when any of the conditions holds.
     *
     * @param conditions the conditions, at least one
     * @return the condition
     */
    static Condition any(Condition... conditions) {
        return new Any(List.of(conditions));
    }

    /**
     * Holds when the condition does not.
     *
     * @param condition the condition
     * @return the negation
     */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /**
     * The state's category is one of these.
     *
     * @param categories at least one
     */
    record CategoryIn(Set<StateCategory> categories) implements Condition {
        /**
         * Creates the condition.
         *
         * @param categories at least one, copied
         */
        public CategoryIn {
            categories = Set.copyOf(categories);
            nonEmpty("category", categories);
        }

        @Override
        public boolean test(TicketView ticket) {
            return categories.contains(ticket.state().category());
        }

        @Override
        public String toString() {
            return "category in " + sorted(categories);
        }
    }

    /**
     * The state's name is one of these.
     *
     * @param names at least one state name
     */
    record StateIn(Set<String> names) implements Condition {
        /**
         * Creates the condition.
         *
         * @param names at least one, copied; identifiers
         */
        public StateIn {
            names = Set.copyOf(names);
            nonEmpty("state", names);
            names.forEach(n -> Identifier.check("state name", n));
        }

        @Override
        public boolean test(TicketView ticket) {
            return names.contains(ticket.state().name());
        }

        @Override
        public String toString() {
            return "state in " + sorted(names);
        }
    }

    /**
     * The priority is one of these.
     *
     * @param priorities at least one
     */
    record PriorityIn(Set<Priority> priorities) implements Condition {
        /**
         * Creates the condition.
         *
         * @param priorities at least one, copied
         */
        public PriorityIn {
            priorities = Set.copyOf(priorities);
            nonEmpty("priority", priorities);
        }

        @Override
        public boolean test(TicketView ticket) {
            return priorities.contains(ticket.priority());
        }

        @Override
        public String toString() {
            return "priority in " + sorted(priorities);
        }
    }

    /**
     * A field holds one of these values, type included.
     *
     * @param field the field's name
     * @param values at least one
     */
    record FieldIn(String field, List<FieldValue> values) implements Condition {
        /**
         * Creates the condition.
         *
         * @param field the field's name, an identifier
         * @param values at least one, copied
         */
        public FieldIn {
            Identifier.check("field name", field);
            values = List.copyOf(values);
            nonEmpty("field " + field + " in", values);
        }

        @Override
        public boolean test(TicketView ticket) {
            return ticket.field(field).map(values::contains).orElse(false);
        }

        @Override
        public String toString() {
            return values.size() == 1 ? field + " = " + values.get(0) : field + " in " + values;
        }
    }

    /**
     * A field is set, or is not.
     *
     * @param field the field's name
     * @param present whether it must be set
     */
    record FieldPresent(String field, boolean present) implements Condition {
        /**
         * Creates the condition.
         *
         * @param field the field's name, an identifier
         * @param present whether it must be set
         */
        public FieldPresent {
            Identifier.check("field name", field);
        }

        @Override
        public boolean test(TicketView ticket) {
            return ticket.field(field).isPresent() == present;
        }

        @Override
        public String toString() {
            return field + (present ? " is set" : " is not set");
        }
    }

    /**
     * Every condition holds.
     *
     * @param conditions at least one
     */
    record All(List<Condition> conditions) implements Condition {
        /**
         * Creates the condition.
         *
         * @param conditions at least one, copied
         */
        public All {
            conditions = List.copyOf(conditions);
            nonEmpty("all", conditions);
        }

        @Override
        public boolean test(TicketView ticket) {
            for (Condition c : conditions) {
                if (!c.test(ticket)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return conditions.stream().map(Object::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /**
     * At least one condition holds.
     *
     * @param conditions at least one
     */
    record Any(List<Condition> conditions) implements Condition {
        /**
         * Creates the condition.
         *
         * @param conditions at least one, copied
         */
        public Any {
            conditions = List.copyOf(conditions);
            nonEmpty("any", conditions);
        }

        @Override
        public boolean test(TicketView ticket) {
            for (Condition c : conditions) {
                if (c.test(ticket)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return conditions.stream().map(Object::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the negated condition
     */
    record Not(Condition condition) implements Condition {
        /**
         * Creates the condition.
         *
         * @param condition the negated condition
         */
        public Not {
            requireNonNull(condition, "condition");
        }

        @Override
        public boolean test(TicketView ticket) {
            return !condition.test(ticket);
        }

        @Override
        public String toString() {
            return "not " + condition;
        }
    }

    private static void nonEmpty(String form, java.util.Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the condition '" + form + "' needs at least one value");
        }
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
