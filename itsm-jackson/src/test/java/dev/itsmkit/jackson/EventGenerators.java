package dev.itsmkit.jackson;

import static dev.itsmkit.jackson.JsonGenerators.between;
import static dev.itsmkit.jackson.JsonGenerators.chance;
import static dev.itsmkit.jackson.JsonGenerators.fieldChanges;
import static dev.itsmkit.jackson.JsonGenerators.instants;
import static dev.itsmkit.jackson.JsonGenerators.lines;
import static dev.itsmkit.jackson.JsonGenerators.listOf;
import static dev.itsmkit.jackson.JsonGenerators.parties;
import static dev.itsmkit.jackson.JsonGenerators.pick;
import static dev.itsmkit.jackson.JsonGenerators.priorities;
import static dev.itsmkit.jackson.JsonGenerators.states;
import static dev.itsmkit.jackson.JsonGenerators.tenants;
import static dev.itsmkit.jackson.JsonGenerators.ticketIds;
import static dev.itsmkit.jackson.JsonGenerators.ticketNumbers;
import static dev.itsmkit.jackson.JsonGenerators.tickets;
import static dev.itsmkit.jackson.JsonGenerators.texts;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.Urgency;
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
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/** QuickTheories generators of valid ticket events and outbox entries, one of each kind. */
final class EventGenerators {
    private EventGenerators() {}

    static Gen<TicketEvent> events() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            TicketId ticket = ticketIds().generate(in);
            Party actor = parties().generate(in);
            Instant at = instants().generate(in);
            long version = between(in, 1L, 1_000_000L);
            long sequence = version + (chance(in) ? 0 : between(in, 0L, 1_000L));
            return switch (between(in, 0, 11)) {
                case 0 -> {
                    var snapshot = tickets().generate(in).toBuilder().version(1).build();
                    yield new TicketCreated(snapshot.tenant(), snapshot.id(), actor, at, 1, 1, snapshot);
                }
                case 1 -> {
                    TicketState from = states().generate(in);
                    if (from.category().isFinal()) {
                        from = TicketState.of("IN_PROGRESS", StateCategory.OPEN);
                    }
                    TicketState to = states().generate(in);
                    if (to.equals(from)) {
                        to = TicketState.of("DONE", StateCategory.CLOSED);
                    }
                    yield new StateChanged(tenant, ticket, actor, at, sequence, version, from, to,
                            pick(in, List.of("start", "resolve", "re-open")));
                }
                case 2 -> {
                    Map<String, FieldChange> byField = new LinkedHashMap<>();
                    for (FieldChange c : listOf(in, 3, fieldChanges())) {
                        byField.putIfAbsent(c.field(), c);
                    }
                    FieldChange first = fieldChanges().generate(in);
                    byField.putIfAbsent(first.field(), first);
                    yield new FieldsChanged(tenant, ticket, actor, at, sequence, version, List.copyOf(byField.values()));
                }
                case 3 -> new Assigned(tenant, ticket, actor, at, sequence, version,
                        Optional.of(Party.person("new-" + between(in, 0, 9))), optionalGroup(in),
                        chance(in) ? Optional.empty() : Optional.of(Party.system("old")), optionalGroup(in));
                case 4 -> {
                    var derived = priorities().generate(in);
                    boolean overridden = chance(in);
                    yield new PriorityChanged(tenant, ticket, actor, at, sequence, version,
                            Impact.of(between(in, 1, 9)), Urgency.of(between(in, 1, 9)), derived,
                            priorities().generate(in), overridden ? priorities().generate(in) : derived,
                            overridden ? Optional.of(lines(1000).generate(in)) : Optional.empty());
                }
                case 5 -> new Linked(tenant, ticket, actor, at, sequence, version, link(in, tenant, ticket));
                case 6 -> new Unlinked(tenant, ticket, actor, at, sequence, version, link(in, tenant, ticket));
                case 7 -> new Commented(tenant, ticket, actor, at, sequence, version, new JournalEntry(
                        pick(in, JournalEntryKind.class), actor, at, texts().generate(in), List.of()));
                case 8 -> new ApprovalRequested(tenant, ticket, actor, at, sequence, version,
                        Approval.pending(between(in, 1, 4), Party.group("cab"), at));
                case 9 -> new ApprovalDecided(tenant, ticket, actor, at, sequence, version, between(in, 0, 5),
                        new ApprovalDecision(pick(in, Verdict.class), actor, at, chance(in) ? "" : texts().generate(in)));
                case 10 -> new SlaWarned(tenant, ticket, Party.ITSM_KIT, at, sequence, version,
                        pick(in, List.of("response", "resolution")), between(in, 1, 9), between(in, 1, 99),
                        instants().generate(in));
                default -> new SlaBreached(tenant, ticket, Party.ITSM_KIT, at, sequence, version,
                        pick(in, List.of("response", "resolution")), between(in, 1, 9), instants().generate(in));
            };
        };
    }

    private static Optional<Party> optionalGroup(RandomnessSource in) {
        return chance(in) ? Optional.empty() : Optional.of(Party.group("g" + between(in, 0, 3)));
    }

    private static Link link(RandomnessSource in, TenantId tenant, TicketId self) {
        TicketId other = TicketId.of(self.value().length() < 120 ? self.value() + "-x" : "other");
        return new Link(pick(in, List.of(LinkType.RELATED_TO, LinkType.PARENT_OF, LinkType.CAUSED_BY)),
                new TicketRef(tenant, other, ticketNumbers().generate(in)));
    }

    static Gen<OutboxEntry> outboxEntries() {
        return in -> {
            TicketEvent event = events().generate(in);
            OutboxEntryId id = OutboxEntryId.of("ob-" + between(in, 0, 1_000_000));
            Instant at = instants().generate(in);
            if (chance(in)) {
                return new OutboxEntry(id, event.tenant(), event.ticket(), event, at, OutboxEntry.idempotencyKeyOf(event));
            }
            return OutboxEntry.notifying(id, event, notices().generate(in), at);
        };
    }

    /** Notices by name alone or with a channel, with none to three recipients. */
    static Gen<Notice> notices() {
        return in -> new Notice(pick(in, List.of("incident-resolved", "sla-breached", "n.1:x@y_z")),
                chance(in) ? Optional.empty() : Optional.of(pick(in, List.of("email", "pager"))),
                listOf(in, 3, parties()).stream().distinct().toList());
    }
}
