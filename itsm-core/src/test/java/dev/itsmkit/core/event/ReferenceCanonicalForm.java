package dev.itsmkit.core.event;

import dev.itsmkit.core.Approval;
import dev.itsmkit.core.ApprovalDecision;
import dev.itsmkit.core.Attachment;
import dev.itsmkit.core.ChangeDetails;
import dev.itsmkit.core.FieldChange;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.ProblemDetails;
import dev.itsmkit.core.RequestDetails;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketDetails;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketRef;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the canonical form documented at {@link TicketEvents#canonicalForm(TicketEvent)}. Not
 * thread-safe; one instance per event.
 *
 * <p>Every free text is quoted and escaped, so the structural characters ({@code | = , [ ] { }})
 * appear only as structure and the form can be parsed back unambiguously: that is what makes it
 * injective. Field names are written too, so a reader can check the order without a schema.
 */
final class ReferenceCanonicalForm {
    /** What a thread's digest buffer keeps between events; a larger one (a huge text, once) is dropped. */
    private static final int KEPT_BUFFER = 16 * 1024;

    /** The buffer of {@link #digest}, one per thread: the audit chain hashes the form of every event it stores. */
    private static final ThreadLocal<FormBuffer> BUFFERS = ThreadLocal.withInitial(() -> new FormBuffer(1024));

    private final FormBuffer out;

    private ReferenceCanonicalForm(FormBuffer out) {
        this.out = out;
    }

    static String of(TicketEvent event) {
        FormBuffer out = new FormBuffer(256);
        new ReferenceCanonicalForm(out).event(event);
        return out.toString();
    }

    /** Appends the form to a builder. */
    static StringBuilder appendTo(StringBuilder out, TicketEvent event) {
        return out.append(of(event));
    }

    /** Feeds the form's bytes to a digest, written into the thread's buffer: no string, no copy. */
    static void digest(java.security.MessageDigest digest, TicketEvent event) {
        FormBuffer out = BUFFERS.get();
        try {
            new ReferenceCanonicalForm(out).event(event);
            digest.update(out.array(), 0, out.length());
        } finally {
            out.clear(KEPT_BUFFER);
        }
    }

    private void event(TicketEvent e) {
        out.append(TicketEvents.CANONICAL_FORM_PREFIX).append(SIMPLE_NAMES.get(e.getClass()));
        field("tenant").quoted(e.tenant().value());
        field("ticket").quoted(e.ticket().value());
        field("actor").party(e.actor());
        field("at").instant(e.at());
        field("sequence").out.append(e.sequence());
        field("version").out.append(e.version());
        // an instanceof chain, not a visitor, so that the encoding stays out of the public API; the
        // final else makes a new event type fail loudly until it is given its encoding here
        if (e instanceof TicketCreated c) {
            field("snapshot").ticket(c.snapshot());
        } else if (e instanceof StateChanged s) {
            field("from").state(s.from());
            field("to").state(s.to());
            field("transition").quoted(s.transition());
        } else if (e instanceof FieldsChanged f) {
            field("changes").list(f.changes(), this::fieldChange);
        } else if (e instanceof Assigned a) {
            field("assignee").optional(a.assignee(), this::party);
            field("group").optional(a.group(), this::party);
            field("previousAssignee").optional(a.previousAssignee(), this::party);
            field("previousGroup").optional(a.previousGroup(), this::party);
        } else if (e instanceof PriorityChanged p) {
            field("impact").out.append(p.impact().level());
            field("urgency").out.append(p.urgency().level());
            field("derived").out.append(p.derived().level());
            field("from").out.append(p.from().level());
            field("to").out.append(p.to().level());
            field("overrideReason").optional(p.overrideReason(), this::quoted);
        } else if (e instanceof Linked l) {
            field("link").link(l.link());
        } else if (e instanceof Unlinked u) {
            field("link").link(u.link());
        } else if (e instanceof Commented c) {
            field("entry").journalEntry(c.entry());
        } else if (e instanceof ApprovalRequested r) {
            field("approval").approval(r.approval());
        } else if (e instanceof ApprovalDecided d) {
            field("approvalIndex").out.append(d.approvalIndex());
            field("decision").decision(d.decision());
        } else if (e instanceof SlaWarned w) {
            field("target").quoted(w.target());
            field("cycle").out.append(w.cycle());
            field("percent").out.append(w.percent());
            field("thresholdAt").instant(w.thresholdAt());
        } else if (e instanceof SlaBreached b) {
            field("target").quoted(b.target());
            field("cycle").out.append(b.cycle());
            field("breachedAt").instant(b.breachedAt());
        } else {
            throw new IllegalStateException("no canonical form for " + e.getClass().getName() + " yet");
        }
    }

    private ReferenceCanonicalForm field(String name) {
        out.append('|').append(name).append('=');
        return this;
    }

    // ---- structures: {name=value,...} -------------------------------------------------------

    private ReferenceCanonicalForm open() {
        out.append('{');
        return this;
    }

    private ReferenceCanonicalForm member(String name) {
        if (out.charAt(out.length() - 1) != '{') {
            out.append(',');
        }
        out.append(name).append('=');
        return this;
    }

    private void close() {
        out.append('}');
    }

    private void ticket(Ticket t) {
        open();
        member("tenant").quoted(t.tenant().value());
        member("id").quoted(t.id().value());
        member("number").number(t.number());
        member("title").quoted(t.title());
        member("description").quoted(t.description());
        member("state").state(t.state());
        member("impact").out.append(t.impact().level());
        member("urgency").out.append(t.urgency().level());
        member("priority").out.append(t.priority().level());
        member("derivedPriority").out.append(t.priorityDecision().derived().level());
        member("priorityOverrideReason").optional(t.priorityOverrideReason(), this::quoted);
        member("category").optional(t.category(), this::quoted);
        member("requester").party(t.requester());
        member("assignee").optional(t.assignee(), this::party);
        member("assignmentGroup").optional(t.assignmentGroup(), this::party);
        member("service").optional(t.service().map(s -> s.value()), this::quoted);
        member("configurationItems").list(t.configurationItems(), c -> quoted(c.value()));
        member("customFields").fields(t.customFields().asMap());
        member("details").details(t.details());
        member("links").list(t.links(), this::link);
        member("journal").list(t.journal(), this::journalEntry);
        member("approvals").list(t.approvals(), this::approval);
        member("createdAt").instant(t.createdAt());
        member("updatedAt").instant(t.updatedAt());
        member("resolvedAt").optional(t.resolvedAt(), this::instant);
        member("closedAt").optional(t.closedAt(), this::instant);
        member("version").out.append(t.version());
        close();
    }

    private void details(TicketDetails details) {
        open();
        member("kind").out.append(details.kind().name());
        if (details instanceof IncidentDetails d) {
            member("major").out.append(d.major());
            member("holdReason").optional(d.holdReason(), r -> out.append(r.name()));
            member("resolutionCode").optional(d.resolutionCode(), this::quoted);
            member("resolutionNotes").optional(d.resolutionNotes(), this::quoted);
        } else if (details instanceof RequestDetails d) {
            member("catalogueItem").optional(d.catalogueItem().map(c -> c.value()), this::quoted);
            member("requestedFor").optional(d.requestedFor(), this::party);
        } else if (details instanceof ProblemDetails d) {
            member("knownError").out.append(d.knownError());
            member("rootCause").optional(d.rootCause(), this::quoted);
            member("workaround").optional(d.workaround(), this::quoted);
        } else if (details instanceof ChangeDetails d) {
            member("type").out.append(d.type().name());
            member("risk").out.append(d.risk().name());
            member("plannedWindow").optional(d.plannedWindow(), this::window);
            member("implementationPlan").optional(d.implementationPlan(), this::quoted);
            member("backoutPlan").optional(d.backoutPlan(), this::quoted);
            member("acceptanceCriteria").list(d.acceptanceCriteria(), this::quoted);
        }
        close();
    }

    private void window(TimeWindow w) {
        open();
        member("start").instant(w.start());
        member("end").instant(w.end());
        close();
    }

    private void link(Link link) {
        open();
        member("type").out.append(link.type().name());
        member("target").ref(link.target());
        close();
    }

    private void ref(TicketRef ref) {
        open();
        member("tenant").quoted(ref.tenant().value());
        member("id").quoted(ref.id().value());
        member("number").number(ref.number());
        close();
    }

    private void journalEntry(JournalEntry entry) {
        open();
        member("kind").out.append(entry.kind().name());
        member("author").party(entry.author());
        member("at").instant(entry.at());
        member("text").quoted(entry.text());
        member("attachments").list(entry.attachments(), this::attachment);
        close();
    }

    private void attachment(Attachment a) {
        open();
        member("name").quoted(a.name());
        member("mediaType").quoted(a.mediaType());
        member("sizeBytes").out.append(a.sizeBytes());
        member("location").quoted(a.location().toString());
        close();
    }

    private void approval(Approval a) {
        open();
        member("step").out.append(a.step());
        member("approver").party(a.approver());
        member("requestedAt").instant(a.requestedAt());
        member("decision").optional(a.decision(), this::decision);
        close();
    }

    private void decision(ApprovalDecision d) {
        open();
        member("verdict").out.append(d.verdict().name());
        member("decidedBy").party(d.decidedBy());
        member("at").instant(d.at());
        member("comment").quoted(d.comment());
        close();
    }

    private void fieldChange(FieldChange change) {
        open();
        member("field").quoted(change.field());
        member("before").optional(change.before(), this::value);
        member("after").optional(change.after(), this::value);
        close();
    }

    private void fields(Map<String, FieldValue> fields) {
        // a SortedMap: name order
        open();
        fields.forEach((name, value) -> {
            if (out.charAt(out.length() - 1) != '{') {
                out.append(',');
            }
            quoted(name);
            out.append('=');
            value(value);
        });
        close();
    }

    private void value(FieldValue value) {
        if (value instanceof FieldValue.Text t) {
            out.append("text:");
            quoted(t.value());
        } else if (value instanceof FieldValue.Number n) {
            out.append("number:").append(n.value().toString());
        } else if (value instanceof FieldValue.Bool b) {
            out.append("bool:").append(b.value());
        } else if (value instanceof FieldValue.Timestamp t) {
            out.append("timestamp:");
            instant(t.value());
        } else if (value instanceof FieldValue.Date d) {
            out.append("date:").append(d.value().toString());
        } else if (value instanceof FieldValue.Multi m) {
            out.append("multi:");
            list(m.values(), this::value);
        } else {
            throw new IllegalStateException("no canonical form for " + value.getClass().getName() + " yet");
        }
    }

    // ---- leaves ------------------------------------------------------------------------------

    // the leaves below write what quoted(x.toString()) and friends wrote, without building the strings:
    // every audit record hashes a canonical form, so it is on the path of every commit

    /** {@code Class.getSimpleName()} of each event type, computed once per type. */
    private static final ClassValue<String> SIMPLE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    /** The prefix of {@link Party#toString()} per kind: its lower-case name and a colon. */
    private static final String[] PARTY_PREFIXES = partyPrefixes();

    private static String[] partyPrefixes() {
        PartyKind[] kinds = PartyKind.values();
        String[] prefixes = new String[kinds.length];
        for (PartyKind kind : kinds) {
            prefixes[kind.ordinal()] = kind.name().toLowerCase(java.util.Locale.ROOT) + ":";
        }
        return prefixes;
    }

    /** Writes {@code quoted(state.name() + "/" + state.category().name())}. */
    private void state(TicketState state) {
        out.append('"');
        escaped(state.name());
        out.append('/').append(state.category().name()).append('"');
    }

    /** Writes {@code quoted(party.toString())}: a kind prefix needs no escaping. */
    private void party(Party party) {
        out.append('"').append(PARTY_PREFIXES[party.kind().ordinal()]);
        escaped(party.id());
        out.append('"');
    }

    /** Writes {@code quoted(number.toString())}: its prefix and its sequence padded to seven digits need no escaping. */
    private void number(TicketNumber number) {
        out.append('"').append(number.kind().numberPrefix());
        long sequence = number.sequence();
        for (long limit = 1_000_000; limit > 0 && sequence < limit; limit /= 10) {
            out.append('0');
        }
        out.append(sequence).append('"');
    }

    private void instant(Instant instant) {
        appendIsoInstant(out, instant);
    }

    /** 1970-01-01 and 10000-01-01 in epoch seconds: the range the fast path below writes itself. */
    private static final long FAST_FROM = 0;
    private static final long FAST_UNTIL = 253_402_300_800L;

    /**
     * Appends exactly {@link Instant#toString()} (ISO-8601, seconds always, the fraction in groups of
     * three digits as needed), without the formatter: every audit record hashes an event's canonical
     * form, and the formatter dominated it. Instants outside 1970 to 9999 take {@code toString}.
     */
    static void appendIsoInstant(FormBuffer out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FAST_FROM || seconds >= FAST_UNTIL) {
            out.append(instant.toString());
            return;
        }
        out.appendDate(seconds / 86_400).append('T').appendTimeOfDay((int) (seconds % 86_400));
        int nano = instant.getNano();
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                out.appendDigits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                out.appendDigits(nano / 1000, 6);
            } else {
                out.appendDigits(nano, 9);
            }
        }
        out.append('Z');
    }

    private <T> void optional(Optional<T> value, java.util.function.Consumer<T> write) {
        if (value.isPresent()) {
            write.accept(value.get());
        } else {
            out.append("none");
        }
    }

    private <T> void list(List<T> values, java.util.function.Consumer<T> write) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write.accept(values.get(i));
        }
        out.append(']');
    }

    private void quoted(String text) {
        out.append('"');
        escaped(text);
        out.append('"');
    }

    private void escaped(String text) {
        out.appendEscaped(text);
    }
}
