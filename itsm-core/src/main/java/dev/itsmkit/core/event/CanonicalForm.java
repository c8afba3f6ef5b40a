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
 * thread-safe; the digest's writer is one per thread, {@link #of} makes one per event.
 *
 * <p>Every free text is quoted and escaped, so the structural characters ({@code | = , [ ] { }})
 * appear only as structure and the form can be parsed back unambiguously: that is what makes it
 * injective. Field names are written too, so a reader can check the order without a schema.
 *
 * <p>The audit chain hashes the form of every event it stores, so the top level is written for speed:
 * each event type has its own method (small enough for the JIT to compile whole: one method with every
 * type's branch ran out of its inlining budget before the later types' fields, which then were calls),
 * the common fields are read from the concrete record (no interface call), and the constant parts, the
 * type's name with the first field's name, every field's name with its separators and quotes, are
 * ASCII bytes encoded once and copied whole. The nested structures (a created ticket, a journal entry,
 * a field change) are written member by member.
 */
final class CanonicalForm {
    /** What a thread's digest buffer keeps between events; a larger one (a huge text, once) is dropped. */
    private static final int KEPT_BUFFER = 16 * 1024;

    /** The writer of {@link #digest}, with its buffer, one per thread: the audit chain hashes the form of every event it stores. */
    private static final ThreadLocal<CanonicalForm> WRITERS = ThreadLocal.withInitial(() -> new CanonicalForm(new FormBuffer(1024)));

    private final FormBuffer out;

    private CanonicalForm(FormBuffer out) {
        this.out = out;
    }

    static String of(TicketEvent event) {
        FormBuffer out = new FormBuffer(256);
        new CanonicalForm(out).event(event);
        return out.toString();
    }

    /** Appends the form to a builder. */
    static StringBuilder appendTo(StringBuilder out, TicketEvent event) {
        return out.append(of(event));
    }

    /** Feeds the form's bytes to a digest, written into the thread's buffer: no string, no copy. */
    static void digest(java.security.MessageDigest digest, TicketEvent event) {
        CanonicalForm writer = WRITERS.get();
        FormBuffer out = writer.out;
        try {
            writer.event(event);
            digest.update(out.array(), 0, out.length());
        } finally {
            out.clear(KEPT_BUFFER);
        }
    }

    // ---- the top level: v1|Type|tenant="..."|ticket="..."|actor="..."|at=...|sequence=n|version=n|... -------------

    /** The ASCII bytes of a text with no character outside printable ASCII. */
    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** What starts the form of an event type: the version, the type's simple name and the opening of the tenant. */
    private static byte[] head(Class<? extends TicketEvent> type) {
        return ascii(TicketEvents.CANONICAL_FORM_PREFIX + type.getSimpleName() + "|tenant=\"");
    }

    /** {@code |name=}: a field whose value is not quoted. */
    private static byte[] key(String name) {
        return ascii("|" + name + "=");
    }

    /** {@code |name="}: a field whose value is quoted (its closing quote is written by the next constant or {@link #QUOTE}). */
    private static byte[] quotedKey(String name) {
        return ascii("|" + name + "=\"");
    }

    private static final byte[] HEAD_CREATED = head(TicketCreated.class);
    private static final byte[] HEAD_STATE_CHANGED = head(StateChanged.class);
    private static final byte[] HEAD_FIELDS_CHANGED = head(FieldsChanged.class);
    private static final byte[] HEAD_ASSIGNED = head(Assigned.class);
    private static final byte[] HEAD_PRIORITY_CHANGED = head(PriorityChanged.class);
    private static final byte[] HEAD_LINKED = head(Linked.class);
    private static final byte[] HEAD_UNLINKED = head(Unlinked.class);
    private static final byte[] HEAD_COMMENTED = head(Commented.class);
    private static final byte[] HEAD_APPROVAL_REQUESTED = head(ApprovalRequested.class);
    private static final byte[] HEAD_APPROVAL_DECIDED = head(ApprovalDecided.class);
    private static final byte[] HEAD_SLA_WARNED = head(SlaWarned.class);
    private static final byte[] HEAD_SLA_BREACHED = head(SlaBreached.class);

    /** The closing quote of the tenant, then the ticket's field. */
    private static final byte[] TICKET = ascii("\"" + "|ticket=\"");
    /** The closing quote of the ticket, then the actor's field and its opening quote. */
    private static final byte[] ACTOR = ascii("\"" + "|actor=\"");
    /** The closing quote of the actor, then the instant's field. */
    private static final byte[] AT = ascii("\"" + "|at=");
    private static final byte[] SEQUENCE = key("sequence");
    private static final byte[] VERSION = key("version");
    private static final byte[] SNAPSHOT = key("snapshot");
    private static final byte[] FROM = key("from");
    private static final byte[] TO = key("to");
    private static final byte[] TRANSITION = quotedKey("transition");
    private static final byte[] CHANGES = key("changes");
    private static final byte[] ASSIGNEE = key("assignee");
    private static final byte[] GROUP = key("group");
    private static final byte[] PREVIOUS_ASSIGNEE = key("previousAssignee");
    private static final byte[] PREVIOUS_GROUP = key("previousGroup");
    private static final byte[] IMPACT = key("impact");
    private static final byte[] URGENCY = key("urgency");
    private static final byte[] DERIVED = key("derived");
    private static final byte[] OVERRIDE_REASON = key("overrideReason");
    private static final byte[] LINK = key("link");
    private static final byte[] ENTRY = key("entry");
    private static final byte[] APPROVAL = key("approval");
    private static final byte[] APPROVAL_INDEX = key("approvalIndex");
    private static final byte[] DECISION = key("decision");
    private static final byte[] TARGET = quotedKey("target");
    /** The closing quote of the target, then the cycle's field. */
    private static final byte[] CYCLE = ascii("\"" + "|cycle=");
    private static final byte[] PERCENT = key("percent");
    private static final byte[] THRESHOLD_AT = key("thresholdAt");
    private static final byte[] BREACHED_AT = key("breachedAt");
    private static final byte[] NONE = ascii("none");

    private void event(TicketEvent e) {
        // an instanceof chain, not a visitor, so that the encoding stays out of the public API; the
        // final else makes a new event type fail loudly until it is given its encoding here
        if (e instanceof SlaWarned w) {
            slaWarned(w);
        } else if (e instanceof StateChanged s) {
            stateChanged(s);
        } else if (e instanceof FieldsChanged f) {
            fieldsChanged(f);
        } else if (e instanceof Assigned a) {
            assigned(a);
        } else if (e instanceof Commented c) {
            commented(c);
        } else if (e instanceof SlaBreached b) {
            slaBreached(b);
        } else if (e instanceof PriorityChanged p) {
            priorityChanged(p);
        } else if (e instanceof TicketCreated c) {
            created(c);
        } else if (e instanceof Linked l) {
            linked(l);
        } else if (e instanceof Unlinked u) {
            unlinked(u);
        } else if (e instanceof ApprovalRequested r) {
            approvalRequested(r);
        } else if (e instanceof ApprovalDecided d) {
            approvalDecided(d);
        } else {
            throw new IllegalStateException("no canonical form for " + e.getClass().getName() + " yet");
        }
    }

    /** The fields every event has, after its type's head; each caller reads them from its own record type. */
    private void common(byte[] head, String tenant, String ticket, Party actor, Instant at, long sequence, long version) {
        FormBuffer o = out;
        o.appendAscii(head);
        o.appendEscaped(tenant);
        o.appendAscii(TICKET);
        o.appendEscaped(ticket);
        o.appendAscii(ACTOR);
        partyInQuotes(actor);
        o.appendAscii(AT);
        appendIsoInstant(o, at);
        o.appendAscii(SEQUENCE);
        o.append(sequence);
        o.appendAscii(VERSION);
        o.append(version);
    }

    private void created(TicketCreated c) {
        common(HEAD_CREATED, c.tenant().value(), c.ticket().value(), c.actor(), c.at(), c.sequence(), c.version());
        out.appendAscii(SNAPSHOT);
        ticket(c.snapshot());
    }

    private void stateChanged(StateChanged s) {
        common(HEAD_STATE_CHANGED, s.tenant().value(), s.ticket().value(), s.actor(), s.at(), s.sequence(), s.version());
        out.appendAscii(FROM);
        state(s.from());
        out.appendAscii(TO);
        state(s.to());
        out.appendAscii(TRANSITION);
        out.appendEscaped(s.transition());
        out.append('"');
    }

    private void fieldsChanged(FieldsChanged f) {
        common(HEAD_FIELDS_CHANGED, f.tenant().value(), f.ticket().value(), f.actor(), f.at(), f.sequence(), f.version());
        out.appendAscii(CHANGES);
        List<FieldChange> changes = f.changes();
        out.append('[');
        for (int i = 0; i < changes.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            fieldChange(changes.get(i));
        }
        out.append(']');
    }

    private void assigned(Assigned a) {
        common(HEAD_ASSIGNED, a.tenant().value(), a.ticket().value(), a.actor(), a.at(), a.sequence(), a.version());
        out.appendAscii(ASSIGNEE);
        optionalParty(a.assignee());
        out.appendAscii(GROUP);
        optionalParty(a.group());
        out.appendAscii(PREVIOUS_ASSIGNEE);
        optionalParty(a.previousAssignee());
        out.appendAscii(PREVIOUS_GROUP);
        optionalParty(a.previousGroup());
    }

    private void priorityChanged(PriorityChanged p) {
        common(HEAD_PRIORITY_CHANGED, p.tenant().value(), p.ticket().value(), p.actor(), p.at(), p.sequence(), p.version());
        out.appendAscii(IMPACT).append(p.impact().level());
        out.appendAscii(URGENCY).append(p.urgency().level());
        out.appendAscii(DERIVED).append(p.derived().level());
        out.appendAscii(FROM).append(p.from().level());
        out.appendAscii(TO).append(p.to().level());
        out.appendAscii(OVERRIDE_REASON);
        Optional<String> reason = p.overrideReason();
        if (reason.isPresent()) {
            quoted(reason.get());
        } else {
            out.appendAscii(NONE);
        }
    }

    private void linked(Linked l) {
        common(HEAD_LINKED, l.tenant().value(), l.ticket().value(), l.actor(), l.at(), l.sequence(), l.version());
        out.appendAscii(LINK);
        link(l.link());
    }

    private void unlinked(Unlinked u) {
        common(HEAD_UNLINKED, u.tenant().value(), u.ticket().value(), u.actor(), u.at(), u.sequence(), u.version());
        out.appendAscii(LINK);
        link(u.link());
    }

    private void commented(Commented c) {
        common(HEAD_COMMENTED, c.tenant().value(), c.ticket().value(), c.actor(), c.at(), c.sequence(), c.version());
        out.appendAscii(ENTRY);
        journalEntry(c.entry());
    }

    private void approvalRequested(ApprovalRequested r) {
        common(HEAD_APPROVAL_REQUESTED, r.tenant().value(), r.ticket().value(), r.actor(), r.at(), r.sequence(), r.version());
        out.appendAscii(APPROVAL);
        approval(r.approval());
    }

    private void approvalDecided(ApprovalDecided d) {
        common(HEAD_APPROVAL_DECIDED, d.tenant().value(), d.ticket().value(), d.actor(), d.at(), d.sequence(), d.version());
        out.appendAscii(APPROVAL_INDEX).append(d.approvalIndex());
        out.appendAscii(DECISION);
        decision(d.decision());
    }

    private void slaWarned(SlaWarned w) {
        common(HEAD_SLA_WARNED, w.tenant().value(), w.ticket().value(), w.actor(), w.at(), w.sequence(), w.version());
        FormBuffer o = out;
        o.appendAscii(TARGET);
        o.appendEscaped(w.target());
        o.appendAscii(CYCLE);
        o.append(w.cycle());
        o.appendAscii(PERCENT);
        o.append(w.percent());
        o.appendAscii(THRESHOLD_AT);
        appendIsoInstant(o, w.thresholdAt());
    }

    private void slaBreached(SlaBreached b) {
        common(HEAD_SLA_BREACHED, b.tenant().value(), b.ticket().value(), b.actor(), b.at(), b.sequence(), b.version());
        FormBuffer o = out;
        o.appendAscii(TARGET);
        o.appendEscaped(b.target());
        o.appendAscii(CYCLE);
        o.append(b.cycle());
        o.appendAscii(BREACHED_AT);
        appendIsoInstant(o, b.breachedAt());
    }

    /** Writes {@code optional(party, this::party)} without a method reference. */
    private void optionalParty(Optional<Party> party) {
        if (party.isPresent()) {
            party(party.get());
        } else {
            out.appendAscii(NONE);
        }
    }

    // ---- structures: {name=value,...} -------------------------------------------------------

    private CanonicalForm open() {
        out.append('{');
        return this;
    }

    private CanonicalForm member(String name) {
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

    /** The prefix of {@link Party#toString()} per kind: its lower-case name and a colon. */
    private static final byte[][] PARTY_PREFIXES = partyPrefixes();

    private static byte[][] partyPrefixes() {
        PartyKind[] kinds = PartyKind.values();
        byte[][] prefixes = new byte[kinds.length][];
        for (PartyKind kind : kinds) {
            prefixes[kind.ordinal()] = ascii(kind.name().toLowerCase(java.util.Locale.ROOT) + ":");
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
        out.append('"');
        partyInQuotes(party);
        out.append('"');
    }

    /** Writes {@code party.toString()} escaped, for a caller that writes the quotes with its constants. */
    private void partyInQuotes(Party party) {
        out.appendAscii(PARTY_PREFIXES[party.kind().ordinal()]);
        escaped(party.id());
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
        out.appendInstant(seconds, instant.getNano());
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
