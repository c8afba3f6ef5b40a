package dev.itsmkit.core.testing;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.CatalogueItemId;
import dev.itsmkit.core.ChangeDetails;
import dev.itsmkit.core.ChangeRisk;
import dev.itsmkit.core.ChangeType;
import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.CustomFields;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ProblemDetails;
import dev.itsmkit.core.RequestDetails;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TaskDetails;
import dev.itsmkit.core.TicketDetails;
import dev.itsmkit.core.TicketField;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.Urgency;
import dev.itsmkit.core.ValidationException;
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.event.ApprovalDecided;
import dev.itsmkit.core.event.ApprovalRequested;
import dev.itsmkit.core.event.Assigned;
import dev.itsmkit.core.event.Commented;
import dev.itsmkit.core.event.FieldsChanged;
import dev.itsmkit.core.event.Linked;
import dev.itsmkit.core.event.PriorityChanged;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.StateChanged;
import dev.itsmkit.core.event.TicketCreated;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.event.Unlinked;
import dev.itsmkit.core.outbox.Notice;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of valid domain values: tickets of every kind with everything a ticket
 * can hold, every event type, and consistent event histories of one ticket from a small command
 * simulator. Shipped in itsm-core's test-jar so other modules' tests reuse them.
 *
 * <p>Every generator draws straight from QuickTheories' randomness, so failures shrink: towards
 * fewer elements, earlier instants and the first choice of every list.
 *
 * <p>Texts are chosen to be awkward: non-ASCII letters, a character outside the BMP, and the
 * characters that structure JSON and the events' canonical form ({@code | " \ = , [ ] { }}).
 */
// tests are compiled into the module dev.itsmkit.core, which does not (and must not) require
// QuickTheories: the 'exports' lint would flag every generator's signature
@SuppressWarnings("exports")
public final class DomainGenerators {
    private DomainGenerators() {}

    /** The states the generators use, one per category and a second open one. */
    public static final TicketState NEW = TicketState.of("NEW", StateCategory.NEW);
    /** An open state. */
    public static final TicketState IN_PROGRESS = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
    /** A second open state, so that open-to-open transitions happen. */
    public static final TicketState ASSIGNED = TicketState.of("ASSIGNED", StateCategory.OPEN);
    /** A pending state. */
    public static final TicketState ON_HOLD = TicketState.of("ON_HOLD", StateCategory.PENDING);
    /** A resolved state. */
    public static final TicketState RESOLVED = TicketState.of("RESOLVED", StateCategory.RESOLVED);
    /** A closed state. */
    public static final TicketState CLOSED = TicketState.of("CLOSED", StateCategory.CLOSED);
    /** A cancelled state. */
    public static final TicketState CANCELLED = TicketState.of("CANCELLED", StateCategory.CANCELLED);
    /** All the states above. */
    public static final List<TicketState> STATES = List.of(NEW, IN_PROGRESS, ASSIGNED, ON_HOLD, RESOLVED, CLOSED, CANCELLED);

    private static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");
    private static final List<String> TENANTS = List.of("acme", "globex", "t-1", "a.b:c@d_e");
    private static final List<String> WORDS = List.of("printer", "VPN", "x", "Straße", "日本語", "down", "42", "café");
    private static final List<String> TOKENS = List.of("printer", "VPN", "down", "a", "42", "é", "Straße", "日本",
            "\uD83D\uDE00", "|", "\"", "\\", "=", ",", "{", "}", "[", "]", ":", "none", "v1|", "-", "/", "'");
    private static final List<String> CUSTOM_FIELD_NAMES = List.of("cf_cost", "cf_due", "cf_vip", "cf_tags", "cf_site",
            "cf_x.y", "cf:z@1");

    // ---- drawing ------------------------------------------------------------------------------

    /** Draws values from QuickTheories' randomness; the building block of every generator here. */
    public static final class Draw {
        private final RandomnessSource in;

        Draw(RandomnessSource in) {
            this.in = in;
        }

        /**
         * Draws an int.
         *
         * @param min the smallest, towards which it shrinks
         * @param max the largest
         * @return an int in {@code [min, max]}
         */
        public int between(int min, int max) {
            return (int) in.next(Constraint.between(min, max));
        }

        /**
         * Draws a long.
         *
         * @param min the smallest, towards which it shrinks
         * @param max the largest
         * @return a long in {@code [min, max]}
         */
        public long longBetween(long min, long max) {
            return in.next(Constraint.between(min, max));
        }

        /**
         * Draws a yes/no.
         *
         * @param percent the chance of yes
         * @return yes with that chance; shrinks to no
         */
        public boolean chance(int percent) {
            return between(0, 99) >= 100 - percent;
        }

        /**
         * Picks an element.
         *
         * @param <T> the element type
         * @param values the choices
         * @return one of them; shrinks to the first
         */
        public <T> T pick(List<T> values) {
            return values.get(between(0, values.size() - 1));
        }

        /**
         * Picks an enum constant.
         *
         * @param <E> the enum
         * @param type its class
         * @return a constant
         */
        public <E extends Enum<E>> E pick(Class<E> type) {
            return pick(List.of(type.getEnumConstants()));
        }

        /**
         * Draws from another generator.
         *
         * @param <T> the value type
         * @param gen the generator
         * @return its value
         */
        public <T> T of(Gen<T> gen) {
            return gen.generate(in);
        }

        /**
         * Draws a value or nothing.
         *
         * @param <T> the value type
         * @param percent the chance of a value
         * @param gen the value's generator
         * @return a value with that chance
         */
        public <T> Optional<T> maybe(int percent, Gen<T> gen) {
            return chance(percent) ? Optional.of(of(gen)) : Optional.empty();
        }

        /**
         * Draws a list.
         *
         * @param <T> the element type
         * @param min the fewest elements
         * @param max the most elements
         * @param gen the element's generator
         * @return the list
         */
        public <T> List<T> listOf(int min, int max, Gen<T> gen) {
            int size = between(min, max);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(of(gen));
            }
            return list;
        }
    }

    /**
     * Makes a generator of a function that draws.
     *
     * @param <T> the value type
     * @param draw what to draw
     * @return the generator
     */
    public static <T> Gen<T> drawing(Function<Draw, T> draw) {
        return in -> draw.apply(new Draw(in));
    }

    // ---- values -------------------------------------------------------------------------------

    /**
     * Returns tenants from a small pool, so that two draws are sometimes equal.
     *
     * @return tenants from a small pool, so that two draws are sometimes equal
     */
    public static Gen<TenantId> tenants() {
        return drawing(d -> TenantId.of(d.pick(TENANTS)));
    }

    /**
     * Returns ticket ids, with punctuation.
     *
     * @return ticket ids, with punctuation
     */
    public static Gen<TicketId> ticketIds() {
        return drawing(d -> TicketId.of("tk-" + d.between(1, 5000) + (d.chance(20) ? ".a:b@c_d" : "")));
    }

    /**
     * Returns identifiers, such as SLA target or custom field names.
     *
     * @return identifiers, such as SLA target or custom field names
     */
    public static Gen<String> identifiers() {
        return drawing(d -> d.pick(List.of("resolution", "response", "update", "r1", "a.b", "x_y:z@w-1")));
    }

    /**
     * Returns persons.
     *
     * @return persons
     */
    public static Gen<Party> persons() {
        return drawing(d -> Party.person(d.pick(List.of("alice", "bob", "carol", "d.e@f.example", "u-1"))));
    }

    /**
     * Returns groups.
     *
     * @return groups
     */
    public static Gen<Party> groups() {
        return drawing(d -> Party.group(d.pick(List.of("service-desk", "network", "cab", "dba"))));
    }

    /**
     * Returns persons and systems, who act and are assigned.
     *
     * @return persons and systems, who act and are assigned
     */
    public static Gen<Party> actors() {
        return drawing(d -> d.chance(80) ? d.of(persons()) : d.pick(List.of(Party.ITSM_KIT, Party.system("monitoring"))));
    }

    /**
     * Returns parties of every kind.
     *
     * @return parties of every kind
     */
    public static Gen<Party> parties() {
        return drawing(d -> switch (d.pick(PartyKind.class)) {
            case PERSON -> d.of(persons());
            case GROUP -> d.of(groups());
            case ORGANIZATION -> Party.organization(d.pick(List.of("acme-corp", "supplier.x")));
            case SYSTEM -> d.pick(List.of(Party.ITSM_KIT, Party.system("monitoring")));
        });
    }

    /**
     * Returns notices: by name alone, or with a channel, and with none to three distinct recipients.
     *
     * @return notices of notifications
     */
    public static Gen<Notice> notices() {
        return drawing(d -> new Notice(d.pick(List.of("incident-resolved", "sla-breached", "approval.needed", "n_1:x@y-2")),
                d.chance(50) ? Optional.of(d.pick(List.of("email", "pager", "chat:ops"))) : Optional.empty(),
                d.listOf(0, 3, parties()).stream().distinct().toList()));
    }

    /**
     * Returns instants over a few years from 2026, sometimes with a fraction of a second.
     *
     * @return instants over a few years from 2026, sometimes with a fraction of a second
     */
    public static Gen<Instant> instants() {
        return drawing(d -> {
            Instant at = EPOCH.plusSeconds(d.longBetween(0, 3L * 365 * 24 * 3600));
            return d.chance(30) ? at.plusNanos(d.pick(List.of(1L, 500_000_000L, 123_456_789L, 1_000L))) : at;
        });
    }

    /**
     * Returns one-line texts: not blank, no control characters.
     *
     * @param maxLength the longest
     * @return the generator
     */
    public static Gen<String> lines(int maxLength) {
        return drawing(d -> {
            StringBuilder line = new StringBuilder(d.pick(WORDS));
            int tokens = d.between(0, 12);
            for (int i = 0; i < tokens; i++) {
                String next = (d.chance(60) ? " " : "") + d.pick(TOKENS);
                if (line.length() + next.length() > maxLength) {
                    break;
                }
                line.append(next);
            }
            return line.toString();
        });
    }

    /**
     * Returns multi-line texts: not blank, with tabs and line breaks.
     *
     * @return multi-line texts: not blank, with tabs and line breaks
     */
    public static Gen<String> texts() {
        return drawing(d -> String.join(d.pick(List.of("\n", "\r\n", "\t", " ")), d.listOf(1, 4, lines(200))));
    }

    /**
     * Returns field values of every type, lists of every other type included.
     *
     * @return field values of every type, lists of every other type included
     */
    public static Gen<FieldValue> fieldValues() {
        return drawing(d -> d.chance(15) ? new FieldValue.Multi(d.listOf(0, 3, scalarFieldValues())) : d.of(scalarFieldValues()));
    }

    /**
     * Returns field values of every type but lists.
     *
     * @return field values of every type but lists
     */
    public static Gen<FieldValue> scalarFieldValues() {
        return drawing(d -> switch (d.between(0, 4)) {
            case 0 -> new FieldValue.Text(d.chance(10) ? "" : d.chance(50) ? d.of(lines(100)) : d.of(texts()));
            case 1 -> new FieldValue.Number(new BigDecimal(BigInteger.valueOf(d.longBetween(-1_000_000, 1_000_000)),
                    d.between(-3, 6)));
            case 2 -> new FieldValue.Bool(d.chance(50));
            case 3 -> new FieldValue.Timestamp(d.of(instants()));
            default -> new FieldValue.Date(LocalDate.ofEpochDay(d.longBetween(0, 40_000)));
        });
    }

    /**
     * Returns custom fields: up to five, of every value type, with names no built-in field takes.
     *
     * @return custom fields: up to five, of every value type, with names no built-in field takes
     */
    public static Gen<CustomFields> customFields() {
        return drawing(d -> {
            Map<String, FieldValue> fields = new TreeMap<>();
            int count = d.between(0, 5);
            for (int i = 0; i < count; i++) {
                fields.put(d.pick(CUSTOM_FIELD_NAMES), d.of(fieldValues()));
            }
            return CustomFields.of(fields);
        });
    }

    /**
     * Returns the details of a kind of ticket, with any of their values set.
     *
     * @param kind the kind
     * @return the generator
     */
    public static Gen<TicketDetails> details(TicketKind kind) {
        return drawing(d -> switch (kind) {
            case INCIDENT -> IncidentDetails.EMPTY.withMajor(d.chance(30))
                    .withHoldReason(d.maybe(30, drawing(x -> x.pick(HoldReason.class))))
                    .withResolutionCode(d.maybe(30, lines(100)))
                    .withResolutionNotes(d.maybe(30, texts()));
            case SERVICE_REQUEST -> RequestDetails.EMPTY
                    .withCatalogueItem(d.maybe(60, drawing(x -> CatalogueItemId.of(x.pick(List.of("laptop", "vpn.access"))))))
                    .withRequestedFor(d.maybe(30, persons()));
            case PROBLEM -> ProblemDetails.EMPTY.withKnownError(d.chance(30))
                    .withRootCause(d.maybe(40, texts()))
                    .withWorkaround(d.maybe(40, texts()));
            case CHANGE -> ChangeDetails.EMPTY.withType(d.pick(ChangeType.class)).withRisk(d.pick(ChangeRisk.class))
                    .withPlannedWindow(d.maybe(50, drawing(x -> {
                        Instant start = x.of(instants());
                        return new TimeWindow(start, start.plus(Duration.ofMinutes(x.between(1, 600))));
                    })))
                    .withImplementationPlan(d.maybe(40, texts()))
                    .withBackoutPlan(d.maybe(40, texts()))
                    .withAcceptanceCriteria(d.listOf(0, 3, lines(300)));
            case TASK -> TaskDetails.EMPTY;
        });
    }

    /**
     * Returns links that a ticket may hold: to another ticket of its tenant, of a type allowed
     * between the kinds.
     *
     * @param from the ticket that holds the links
     * @return the generator
     */
    public static Gen<Link> linksFrom(TicketRef from) {
        return drawing(d -> {
            TicketKind targetKind = d.pick(TicketKind.class);
            TicketId target;
            do {
                target = TicketId.of("tk-" + d.between(1, 5000));
            } while (target.equals(from.id()));
            List<LinkType> allowed = new ArrayList<>(LinkType.allowedBetween(from.kind(), targetKind));
            return new Link(d.pick(allowed), new TicketRef(from.tenant(), target,
                    new TicketNumber(targetKind, d.between(1, 999_999))));
        });
    }

    /**
     * Returns journal entries written in a span of time.
     *
     * @param from the earliest instant
     * @param to the latest instant
     * @return the generator
     */
    public static Gen<JournalEntry> journalEntries(Instant from, Instant to) {
        return drawing(d -> {
            List<Attachment> attachments = d.listOf(0, 2, drawing(x -> new Attachment(x.of(lines(60)),
                    x.pick(List.of("text/plain", "image/png", "application/vnd.ms-excel")), x.longBetween(0, 1L << 40),
                    URI.create("https://files.example/" + x.between(1, 999) + "?v=" + x.between(1, 9)))));
            String text = attachments.isEmpty() || d.chance(50) ? d.of(texts()) : "";
            return new JournalEntry(d.pick(JournalEntryKind.class), d.of(actors()), between(d, from, to), text, attachments);
        });
    }

    /**
     * Returns approvals asked (and maybe decided) in a span of time.
     *
     * @param from the earliest instant
     * @param to the latest instant
     * @return the generator
     */
    public static Gen<Approval> approvals(Instant from, Instant to) {
        return drawing(d -> {
            Instant requested = between(d, from, to);
            Approval approval = Approval.pending(d.between(1, 3), d.chance(70) ? d.of(persons()) : d.of(groups()), requested);
            return d.chance(50) ? approval.decide(d.of(decisions(requested, to))) : approval;
        });
    }

    /**
     * Returns approval decisions made in a span of time.
     *
     * @param from the earliest instant
     * @param to the latest instant
     * @return the generator
     */
    public static Gen<ApprovalDecision> decisions(Instant from, Instant to) {
        return drawing(d -> new ApprovalDecision(d.pick(Verdict.class), d.of(persons()), between(d, from, to),
                d.chance(30) ? "" : d.of(texts())));
    }

    private static Instant between(Draw d, Instant from, Instant to) {
        Instant at = from.plusSeconds(d.longBetween(0, Math.max(0, Duration.between(from, to).getSeconds())));
        return at.isAfter(to) ? to : at;
    }

    // ---- tickets ------------------------------------------------------------------------------

    /**
     * Returns valid tickets of every kind, at any version, holding anything a ticket can hold.
     *
     * @return valid tickets of every kind, at any version, holding anything a ticket can hold
     */
    public static Gen<Ticket> tickets() {
        return drawing(d -> d.of(tickets(d.pick(TicketKind.class))));
    }

    /**
     * Returns valid tickets of one kind.
     *
     * @param kind the kind
     * @return tickets at any version, in any state, with links, journal, approvals, custom fields
     *     and details
     */
    public static Gen<Ticket> tickets(TicketKind kind) {
        return drawing(d -> {
            TicketState state = d.pick(STATES);
            return d.of(ticketsIn(kind, state, d.longBetween(1, 50)));
        });
    }

    /**
     * Returns valid tickets of every kind at version 1, as created (mostly in the state NEW).
     *
     * @return valid tickets of every kind at version 1, as created (mostly in the state NEW)
     */
    public static Gen<Ticket> newTickets() {
        return drawing(d -> d.of(ticketsIn(d.pick(TicketKind.class), d.chance(70) ? NEW : d.pick(STATES), 1)));
    }

    private static Gen<Ticket> ticketsIn(TicketKind kind, TicketState state, long version) {
        return drawing(d -> {
            TenantId tenant = d.of(tenants());
            TicketId id = d.of(ticketIds());
            TicketNumber number = new TicketNumber(kind, d.between(1, 9_999_999));
            Instant created = d.of(instants());
            Instant updated = created.plusSeconds(d.chance(30) ? 0 : d.longBetween(0, 30L * 24 * 3600));
            Ticket.Builder b = Ticket.builder(tenant, id, number)
                    .title(d.of(lines(200)))
                    .description(d.chance(30) ? "" : d.of(texts()))
                    .state(state)
                    .requester(d.chance(80) ? d.of(persons()) : d.of(parties()))
                    .category(d.maybe(50, lines(100)))
                    .assignee(d.maybe(50, actors()))
                    .assignmentGroup(d.maybe(50, groups()))
                    .service(d.maybe(40, drawing(x -> ServiceId.of(x.pick(List.of("email", "vpn", "erp.prod"))))))
                    .configurationItems(d.listOf(0, 3, drawing(x -> ConfigurationItemId.of("ci-" + x.between(1, 20)))))
                    .customFields(d.of(customFields()))
                    .details(d.of(details(kind)))
                    .createdAt(created)
                    .updatedAt(updated)
                    .version(version);
            Impact impact = Impact.of(d.between(1, 4));
            Urgency urgency = Urgency.of(d.between(1, 4));
            b.priority(impact, urgency, derivedPriority(impact, urgency));
            if (d.chance(20)) {
                b.overridePriority(Priority.of(d.between(1, 5)), d.of(lines(200)));
            }
            Set<Link> links = new LinkedHashSet<>(d.listOf(0, 3, linksFrom(new TicketRef(tenant, id, number))));
            b.links(List.copyOf(links));
            b.journal(d.listOf(0, 3, journalEntries(created, updated)));
            b.approvals(d.listOf(0, 3, approvals(created, updated)));
            StateCategory category = state.category();
            if (category == StateCategory.RESOLVED || category == StateCategory.CLOSED && d.chance(70)) {
                b.resolvedAt(Optional.of(updated));
            }
            if (category == StateCategory.CLOSED) {
                b.closedAt(Optional.of(updated));
            }
            return b.build();
        });
    }

    /**
     * The priority matrix the simulator's tenant uses: impact plus urgency, minus one.
     *
     * @param impact the impact
     * @param urgency the urgency
     * @return the derived priority
     */
    public static Priority derivedPriority(Impact impact, Urgency urgency) {
        return Priority.of(Math.min(Priority.MAX_LEVEL, impact.level() + urgency.level() - 1));
    }

    // ---- events, one type each ----------------------------------------------------------------

    /**
     * The components every event shares.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param actor who acted
     * @param at when
     * @param sequence the place in the trail
     * @param version the version
     */
    public record Common(TenantId tenant, TicketId ticket, Party actor, Instant at, long sequence, long version) {}

    /**
     * Returns the components an event shares with every other.
     *
     * @param e the event
     * @return its tenant, ticket, actor, instant, sequence and version
     */
    public static Common commonOf(TicketEvent e) {
        return new Common(e.tenant(), e.ticket(), e.actor(), e.at(), e.sequence(), e.version());
    }

    /**
     * Rebuilds an event with other shared components and the same own ones: to move an event to
     * another ticket, tenant, sequence or version in tests.
     *
     * @param e the event
     * @param c the new shared components
     * @return the rebuilt event
     * @throws IllegalArgumentException if the event refuses the components
     */
    public static TicketEvent withCommon(TicketEvent e, Common c) {
        if (e instanceof TicketCreated x) {
            return new TicketCreated(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.snapshot());
        } else if (e instanceof StateChanged x) {
            return new StateChanged(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.from(), x.to(),
                    x.transition());
        } else if (e instanceof FieldsChanged x) {
            return new FieldsChanged(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.changes());
        } else if (e instanceof Assigned x) {
            return new Assigned(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.assignee(), x.group(),
                    x.previousAssignee(), x.previousGroup());
        } else if (e instanceof PriorityChanged x) {
            return new PriorityChanged(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.impact(),
                    x.urgency(), x.derived(), x.from(), x.to(), x.overrideReason());
        } else if (e instanceof Linked x) {
            return new Linked(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.link());
        } else if (e instanceof Unlinked x) {
            return new Unlinked(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.link());
        } else if (e instanceof Commented x) {
            return new Commented(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.entry());
        } else if (e instanceof ApprovalRequested x) {
            return new ApprovalRequested(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.approval());
        } else if (e instanceof ApprovalDecided x) {
            return new ApprovalDecided(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(),
                    x.approvalIndex(), x.decision());
        } else if (e instanceof SlaWarned x) {
            return new SlaWarned(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.target(), x.cycle(),
                    x.percent(), x.thresholdAt());
        } else if (e instanceof SlaBreached x) {
            return new SlaBreached(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), x.target(),
                    x.cycle(), x.breachedAt());
        }
        throw new AssertionError("unknown event type " + e.getClass());
    }

    /**
     * Returns the shared components of an event, of any ticket, with sequence 2 or more.
     *
     * @return the shared components of an event, of any ticket, with sequence 2 or more
     */
    public static Gen<Common> commons() {
        return drawing(d -> {
            long version = d.longBetween(1, 40);
            return new Common(d.of(tenants()), d.of(ticketIds()), d.of(actors()), d.of(instants()),
                    d.longBetween(version == 1 ? 2 : version, 200), version);
        });
    }

    /**
     * Returns TicketCreated events of valid new tickets.
     *
     * @return TicketCreated events of valid new tickets
     */
    public static Gen<TicketCreated> ticketCreatedEvents() {
        return drawing(d -> {
            Ticket ticket = d.of(newTickets());
            return new TicketCreated(ticket.tenant(), ticket.id(), d.of(actors()), ticket.updatedAt(), 1, 1, ticket);
        });
    }

    /**
     * Returns StateChanged events between any two different states, from a non-final one.
     *
     * @return StateChanged events between any two different states, from a non-final one
     */
    public static Gen<StateChanged> stateChangedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            List<TicketState> from = STATES.stream().filter(s -> !s.category().isFinal()).toList();
            TicketState left = d.pick(from);
            TicketState entered = d.pick(STATES.stream().filter(s -> !s.equals(left)).toList());
            return new StateChanged(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), left, entered,
                    d.pick(List.of("start", "resolve", "reopen", "close", "cancel", "put-on-hold", "x.y:z")));
        });
    }

    /**
     * Returns FieldsChanged events of one to four custom fields.
     *
     * @return FieldsChanged events of one to four custom fields
     */
    public static Gen<FieldsChanged> fieldsChangedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            Map<String, FieldChange> changes = new LinkedHashMap<>();
            int count = d.between(1, 4);
            for (int i = 0; i < count; i++) {
                String name = d.pick(CUSTOM_FIELD_NAMES);
                Optional<FieldValue> before = d.maybe(50, fieldValues());
                Optional<FieldValue> after = d.maybe(80, fieldValues());
                if (!before.equals(after)) {
                    changes.put(name, new FieldChange(name, before, after));
                }
            }
            if (changes.isEmpty()) {
                changes.put("title", new FieldChange("title", Optional.of(new FieldValue.Text("old")),
                        Optional.of(new FieldValue.Text(d.of(lines(200)) + "!"))));
            }
            return new FieldsChanged(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(),
                    List.copyOf(changes.values()));
        });
    }

    /**
     * Returns Assigned events that change the assignee, the group or both.
     *
     * @return Assigned events that change the assignee, the group or both
     */
    public static Gen<Assigned> assignedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            Optional<Party> previousAssignee = d.maybe(50, actors());
            Optional<Party> previousGroup = d.maybe(50, groups());
            Optional<Party> assignee = d.maybe(70, actors());
            Optional<Party> group = d.maybe(70, groups());
            if (assignee.equals(previousAssignee) && group.equals(previousGroup)) {
                assignee = previousAssignee.isPresent() ? Optional.empty() : Optional.of(Party.person("zoe"));
            }
            return new Assigned(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), assignee, group,
                    previousAssignee, previousGroup);
        });
    }

    /**
     * Returns PriorityChanged events, derived or overridden.
     *
     * @return PriorityChanged events, derived or overridden
     */
    public static Gen<PriorityChanged> priorityChangedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            Impact impact = Impact.of(d.between(1, 5));
            Urgency urgency = Urgency.of(d.between(1, 5));
            Optional<String> reason = d.maybe(30, lines(300));
            Priority to = reason.isPresent() ? Priority.of(d.between(1, 9)) : derivedPriority(impact, urgency);
            return new PriorityChanged(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), impact, urgency,
                    derivedPriority(impact, urgency), Priority.of(d.between(1, 9)), to, reason);
        });
    }

    /**
     * Returns Linked events.
     *
     * @return Linked events
     */
    public static Gen<Linked> linkedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            Link link = d.of(linksFrom(new TicketRef(c.tenant(), c.ticket(), new TicketNumber(d.pick(TicketKind.class), 1))));
            return new Linked(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), link);
        });
    }

    /**
     * Returns Unlinked events.
     *
     * @return Unlinked events
     */
    public static Gen<Unlinked> unlinkedEvents() {
        return drawing(d -> {
            Linked l = d.of(linkedEvents());
            return new Unlinked(l.tenant(), l.ticket(), l.actor(), l.at(), l.sequence(), l.version(), l.link());
        });
    }

    /**
     * Returns Commented events.
     *
     * @return Commented events
     */
    public static Gen<Commented> commentedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            return new Commented(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(),
                    d.of(journalEntries(c.at(), c.at())));
        });
    }

    /**
     * Returns ApprovalRequested events.
     *
     * @return ApprovalRequested events
     */
    public static Gen<ApprovalRequested> approvalRequestedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            Approval approval = Approval.pending(d.between(1, 3), d.chance(70) ? d.of(persons()) : d.of(groups()), c.at());
            return new ApprovalRequested(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), approval);
        });
    }

    /**
     * Returns ApprovalDecided events.
     *
     * @return ApprovalDecided events
     */
    public static Gen<ApprovalDecided> approvalDecidedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            return new ApprovalDecided(c.tenant(), c.ticket(), c.actor(), c.at(), c.sequence(), c.version(), d.between(0, 4),
                    d.of(decisions(c.at(), c.at())));
        });
    }

    /**
     * Returns SlaWarned events.
     *
     * @return SlaWarned events
     */
    public static Gen<SlaWarned> slaWarnedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            return new SlaWarned(c.tenant(), c.ticket(), Party.ITSM_KIT, c.at(), c.sequence(), c.version(),
                    d.of(identifiers()), d.between(1, 5), d.between(1, 99), c.at().minusSeconds(d.between(0, 600)));
        });
    }

    /**
     * Returns SlaBreached events.
     *
     * @return SlaBreached events
     */
    public static Gen<SlaBreached> slaBreachedEvents() {
        return drawing(d -> {
            Common c = d.of(commons());
            return new SlaBreached(c.tenant(), c.ticket(), Party.ITSM_KIT, c.at(), c.sequence(), c.version(),
                    d.of(identifiers()), d.between(1, 5), c.at().minusSeconds(d.between(0, 600)));
        });
    }

    /**
     * Returns events of every type, each type as likely as the others.
     *
     * @return events of every type, each type as likely as the others
     */
    public static Gen<TicketEvent> events() {
        List<Gen<? extends TicketEvent>> all = List.of(ticketCreatedEvents(), stateChangedEvents(), fieldsChangedEvents(),
                assignedEvents(), priorityChangedEvents(), linkedEvents(), unlinkedEvents(), commentedEvents(),
                approvalRequestedEvents(), approvalDecidedEvents(), slaWarnedEvents(), slaBreachedEvents());
        return drawing(d -> d.of(d.pick(all)));
    }

    // ---- histories ----------------------------------------------------------------------------

    /**
     * A ticket's consistent history: its events, and the snapshots the engine saved.
     *
     * @param events the events, from TicketCreated on, sequences 1, 2, 3...
     * @param saved what the engine saved after each command (and after creation)
     */
    public record History(List<TicketEvent> events, List<Saved> saved) {
        /**
         * Creates the value.
         *
         * @param events the events
         * @param saved the saved snapshots
         */
        public History {
            events = List.copyOf(events);
            saved = List.copyOf(saved);
        }

        /**
         * Returns the snapshot after the last event.
         *
         * @return the snapshot after the last event
         */
        public Ticket last() {
            return saved.get(saved.size() - 1).snapshot();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("History of ").append(events.size()).append(" events:");
            events.forEach(e -> b.append("\n  ").append(e));
            return b.toString();
        }
    }

    /**
     * A snapshot the engine saved.
     *
     * @param eventCount how many events of the history it includes
     * @param snapshot the snapshot
     */
    public record Saved(int eventCount, Ticket snapshot) {}

    /**
     * Returns histories of up to 30 commands on a new ticket of any kind.
     *
     * @return histories of up to 30 commands on a new ticket of any kind
     */
    public static Gen<History> histories() {
        return histories(30);
    }

    /**
     * Returns consistent histories from a small command simulator. It plays the engine: it computes
     * each new snapshot with the ticket's builder, as the engine saves it, and emits the events
     * that say what changed. It does not apply the events, so replaying them is checked against an
     * independent computation. Commands are transitions (with field changes beforehand, as a
     * resolve does), field changes, assignments, priority changes, links and unlinks, comments,
     * approval requests and decisions; between them the timer engine records SLA warnings and
     * breaches.
     *
     * @param maxCommands the most commands after creation
     * @return the generator
     */
    public static Gen<History> histories(int maxCommands) {
        return drawing(d -> new Simulator(d).run(d.between(0, maxCommands)));
    }

    private static final class Simulator {
        private final Draw d;
        private final List<TicketEvent> events = new ArrayList<>();
        private final List<Saved> saved = new ArrayList<>();
        private Ticket current;
        private Instant now;

        Simulator(Draw d) {
            this.d = d;
            this.current = d.of(newTickets());
            this.now = current.updatedAt();
            events.add(new TicketCreated(current.tenant(), current.id(), d.of(actors()), now, 1, 1, current));
            saved.add(new Saved(1, current));
        }

        History run(int commands) {
            for (int i = 0; i < commands; i++) {
                now = now.plusSeconds(d.chance(20) ? 0 : d.longBetween(1, 3L * 24 * 3600));
                Party actor = d.of(actors());
                long before = current.version();
                try {
                    command(actor);
                } catch (ValidationException refused) {
                    // the engine refuses this command (say, a window edge after the other); nothing is saved
                    continue;
                }
                if (current.version() != before) {
                    saved.add(new Saved(events.size(), current));
                }
            }
            return new History(events, saved);
        }

        private void command(Party actor) {
            switch (d.between(0, 10)) {
                case 0, 1 -> transition(actor);
                case 2, 3 -> changeFields(actor);
                case 4 -> assign(actor);
                case 5 -> changePriority(actor);
                case 6 -> linkOrUnlink(actor);
                case 7 -> comment(actor);
                case 8 -> approval(actor);
                default -> sla();
            }
        }

        private long sequence() {
            return events.size() + 1;
        }

        private long next() {
            return current.version() + 1;
        }

        private Ticket.Builder change() {
            return current.toBuilder().version(next()).updatedAt(now);
        }

        private void transition(Party actor) {
            if (current.state().category().isFinal()) {
                return;
            }
            TicketState from = current.state();
            TicketState to = d.pick(STATES.stream().filter(s -> !s.equals(from)).toList());
            Ticket.Builder b = change();
            List<TicketEvent> produced = new ArrayList<>();
            if (d.chance(40)) {
                Map<String, Optional<FieldValue>> values = fieldEdits();
                List<FieldChange> changes = current.changesTo(values);
                values.forEach(b::field);
                if (!changes.isEmpty()) {
                    produced.add(new FieldsChanged(current.tenant(), current.id(), actor, now, sequence(), next(), changes));
                }
            }
            b.state(to);
            if (to.category() == StateCategory.RESOLVED && from.category() != StateCategory.RESOLVED) {
                b.resolvedAt(Optional.of(now));
            } else if (from.category() == StateCategory.RESOLVED && to.category().isActive()) {
                b.resolvedAt(Optional.empty());
            }
            if (to.category() == StateCategory.CLOSED) {
                b.closedAt(Optional.of(now));
            }
            Ticket after = b.build();
            produced.add(new StateChanged(current.tenant(), current.id(), actor, now, sequence() + produced.size(), next(),
                    from, to, d.pick(List.of("start", "resolve", "reopen", "close", "cancel", "hold"))));
            commit(after, produced);
        }

        private void changeFields(Party actor) {
            Map<String, Optional<FieldValue>> values = fieldEdits();
            List<FieldChange> changes = current.changesTo(values);
            if (changes.isEmpty()) {
                return;
            }
            Ticket.Builder b = change();
            values.forEach(b::field);
            commit(b.build(), List.of(new FieldsChanged(current.tenant(), current.id(), actor, now, sequence(), next(), changes)));
        }

        private Map<String, Optional<FieldValue>> fieldEdits() {
            Map<String, Optional<FieldValue>> values = new LinkedHashMap<>();
            int count = d.between(1, 3);
            for (int i = 0; i < count; i++) {
                Map.Entry<String, Optional<FieldValue>> edit = d.of(fieldEdit(current.kind()));
                values.put(edit.getKey(), edit.getValue());
            }
            return values;
        }

        private void assign(Party actor) {
            Optional<Party> assignee = d.maybe(70, actors());
            Optional<Party> group = d.chance(50) ? current.assignmentGroup() : d.maybe(70, groups());
            if (assignee.equals(current.assignee()) && group.equals(current.assignmentGroup())) {
                return;
            }
            Ticket after = change().assignee(assignee).assignmentGroup(group).build();
            commit(after, List.of(new Assigned(current.tenant(), current.id(), actor, now, sequence(), next(), assignee, group,
                    current.assignee(), current.assignmentGroup())));
        }

        private void changePriority(Party actor) {
            Impact impact = Impact.of(d.between(1, 4));
            Urgency urgency = Urgency.of(d.between(1, 4));
            Ticket.Builder b = change().priority(impact, urgency, derivedPriority(impact, urgency));
            Optional<String> reason = d.maybe(25, lines(200));
            reason.ifPresent(r -> b.overridePriority(Priority.of(d.between(1, 5)), r));
            Ticket after = b.build();
            commit(after, List.of(new PriorityChanged(current.tenant(), current.id(), actor, now, sequence(), next(), impact,
                    urgency, derivedPriority(impact, urgency), current.priority(), after.priority(), reason)));
        }

        private void linkOrUnlink(Party actor) {
            List<Link> links = new ArrayList<>(current.links());
            if (!links.isEmpty() && d.chance(40)) {
                Link link = d.pick(links);
                links.remove(link);
                commit(change().links(links).build(),
                        List.of(new Unlinked(current.tenant(), current.id(), actor, now, sequence(), next(), link)));
                return;
            }
            Link link = d.of(linksFrom(current.ref()));
            if (links.contains(link)) {
                return;
            }
            links.add(link);
            commit(change().links(links).build(),
                    List.of(new Linked(current.tenant(), current.id(), actor, now, sequence(), next(), link)));
        }

        private void comment(Party actor) {
            JournalEntry entry = d.of(journalEntries(now, now));
            List<JournalEntry> journal = new ArrayList<>(current.journal());
            journal.add(entry);
            commit(change().journal(journal).build(),
                    List.of(new Commented(current.tenant(), current.id(), actor, now, sequence(), next(), entry)));
        }

        private void approval(Party actor) {
            List<Approval> approvals = new ArrayList<>(current.approvals());
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < approvals.size(); i++) {
                if (approvals.get(i).isPending()) {
                    pending.add(i);
                }
            }
            if (!pending.isEmpty() && d.chance(60)) {
                int index = d.pick(pending);
                ApprovalDecision decision = d.of(decisions(now, now));
                approvals.set(index, approvals.get(index).decide(decision));
                commit(change().approvals(approvals).build(), List.of(new ApprovalDecided(current.tenant(), current.id(),
                        actor, now, sequence(), next(), index, decision)));
                return;
            }
            Approval approval = Approval.pending(d.between(1, 3), d.chance(70) ? d.of(persons()) : d.of(groups()), now);
            approvals.add(approval);
            commit(change().approvals(approvals).build(), List.of(new ApprovalRequested(current.tenant(), current.id(),
                    actor, now, sequence(), next(), approval)));
        }

        private void sla() {
            String target = d.of(identifiers());
            int cycle = d.between(1, 3);
            events.add(d.chance(50)
                    ? new SlaWarned(current.tenant(), current.id(), Party.ITSM_KIT, now, sequence(), current.version(), target,
                            cycle, d.pick(List.of(50, 75, 90)), now)
                    : new SlaBreached(current.tenant(), current.id(), Party.ITSM_KIT, now, sequence(), current.version(),
                            target, cycle, now));
        }

        private void commit(Ticket after, List<TicketEvent> produced) {
            events.addAll(produced);
            current = after;
        }
    }

    /**
     * Returns edits of one field of a kind of ticket that the ticket accepts: a built-in field of
     * the kind or a custom field, with a value of the right type, or empty to remove it.
     *
     * @param kind the ticket's kind
     * @return name and value
     */
    public static Gen<Map.Entry<String, Optional<FieldValue>>> fieldEdit(TicketKind kind) {
        return drawing(d -> {
            List<TicketField> builtIn = new ArrayList<>();
            for (TicketField field : TicketField.values()) {
                // the planned window's edges are written together or not at all: a lone edge leaves an
                // implicit one-nanosecond window that no field change records
                if (field.kinds().contains(kind) && field != TicketField.PLANNED_START && field != TicketField.PLANNED_END) {
                    builtIn.add(field);
                }
            }
            if (d.chance(35)) {
                return Map.entry(d.pick(CUSTOM_FIELD_NAMES), d.maybe(80, fieldValues()));
            }
            TicketField field = d.pick(builtIn);
            Gen<FieldValue> text = drawing(x -> new FieldValue.Text(x.of(texts())));
            Gen<FieldValue> line100 = drawing(x -> new FieldValue.Text(x.of(lines(100))));
            Gen<FieldValue> bool = drawing(x -> new FieldValue.Bool(x.chance(50)));
            Optional<FieldValue> value = switch (field) {
                case TITLE -> Optional.of(new FieldValue.Text(d.of(lines(200))));
                case DESCRIPTION, RESOLUTION_NOTES, ROOT_CAUSE, WORKAROUND, IMPLEMENTATION_PLAN, BACKOUT_PLAN -> d.maybe(80, text);
                case CATEGORY, RESOLUTION_CODE -> d.maybe(80, line100);
                case SERVICE -> d.maybe(80, drawing(x -> new FieldValue.Text(x.pick(List.of("email", "vpn")))));
                case CONFIGURATION_ITEMS -> d.maybe(80, drawing(x -> new FieldValue.Multi(
                        x.listOf(1, 3, drawing(y -> new FieldValue.Text("ci-" + y.between(1, 20)))))));
                case MAJOR, KNOWN_ERROR -> d.maybe(90, bool);
                case HOLD_REASON -> d.maybe(70, drawing(x -> new FieldValue.Text(x.pick(HoldReason.class).name())));
                case CATALOGUE_ITEM -> d.maybe(80, drawing(x -> new FieldValue.Text(x.pick(List.of("laptop", "vpn.access")))));
                case REQUESTED_FOR -> d.maybe(80, drawing(x -> new FieldValue.Text(x.of(persons()).toString())));
                case CHANGE_TYPE -> Optional.of(new FieldValue.Text(d.pick(ChangeType.class).name()));
                case RISK -> Optional.of(new FieldValue.Text(d.pick(ChangeRisk.class).name()));
                case ACCEPTANCE_CRITERIA -> d.maybe(80, drawing(x -> new FieldValue.Multi(
                        x.listOf(1, 3, drawing(y -> new FieldValue.Text(y.of(lines(300))))))));
                case PLANNED_START, PLANNED_END -> throw new AssertionError("not drawn");
            };
            return Map.entry(field.fieldName(), value);
        });
    }
}
