package dev.itsmkit.jackson;

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
import dev.itsmkit.core.FieldDefinition;
import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.FieldType;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.HoldReason;
import dev.itsmkit.core.Impact;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.IncidentDetails;
import dev.itsmkit.core.JournalEntry;
import dev.itsmkit.core.JournalEntryKind;
import dev.itsmkit.core.Link;
import dev.itsmkit.core.LinkType;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.PartyKind;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.PriorityDecision;
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
import dev.itsmkit.core.Verdict;
import dev.itsmkit.core.Violation;
import dev.itsmkit.core.cmdb.CatalogueItem;
import dev.itsmkit.core.cmdb.ConfigurationItem;
import dev.itsmkit.core.cmdb.ConfigurationItemStatus;
import dev.itsmkit.core.cmdb.ConfigurationItemType;
import dev.itsmkit.core.cmdb.ConfigurationModel;
import dev.itsmkit.core.cmdb.Relationship;
import dev.itsmkit.core.cmdb.RelationshipType;
import dev.itsmkit.core.cmdb.RequiredApprovers;
import dev.itsmkit.core.cmdb.Service;
import dev.itsmkit.core.cmdb.ServiceCriticality;
import dev.itsmkit.core.cmdb.ServiceStatus;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.Pause;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.ThresholdCrossing;
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
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid domain values, for the round-trip properties. Texts mix ASCII,
 * JSON's special characters (quotes, backslashes), accented letters, CJK and characters outside the
 * Basic Multilingual Plane; texts that allow them hold tabs and line breaks.
 */
final class JsonGenerators {
    private JsonGenerators() {}

    private static final String ID_FIRST = "abcxyzABCXYZ0189";
    private static final String ID_REST = ID_FIRST + "._:@-";
    private static final List<String> LINE_PIECES = List.of("a", "b", "Z", "0", "9", " ", "-", "_", ".", ",", "'",
            "\"", "\\", "/", "{", "}", "[", "]", "<", "&", "é", "ß", "ø", "ñ", "中", "文", "€", "😀", "𝄞", "\u00a0");
    private static final List<String> TEXT_PIECES;

    static {
        List<String> pieces = new ArrayList<>(LINE_PIECES);
        pieces.addAll(List.of("\n", "\r\n", "\t"));
        TEXT_PIECES = List.copyOf(pieces);
    }

    // ---- building blocks

    static int between(RandomnessSource in, int low, int high) {
        return Generate.range(low, high).generate(in);
    }

    static long between(RandomnessSource in, long low, long high) {
        return Generate.longRange(low, high).generate(in);
    }

    static boolean chance(RandomnessSource in) {
        return Generate.booleans().generate(in);
    }

    static <T> T pick(RandomnessSource in, List<T> values) {
        return Generate.pick(values).generate(in);
    }

    static <E extends Enum<E>> E pick(RandomnessSource in, Class<E> type) {
        return Generate.enumValues(type).generate(in);
    }

    static <T> Optional<T> maybe(RandomnessSource in, Gen<T> gen) {
        return chance(in) ? Optional.of(gen.generate(in)) : Optional.empty();
    }

    static <T> List<T> listOf(RandomnessSource in, int max, Gen<T> gen) {
        int size = between(in, 0, max);
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(gen.generate(in));
        }
        return values;
    }

    static Gen<String> identifiers() {
        return in -> {
            int length = pick(in, List.of(1, 2, 5, 12, 128));
            StringBuilder b = new StringBuilder().append(ID_FIRST.charAt(between(in, 0, ID_FIRST.length() - 1)));
            for (int i = 1; i < length; i++) {
                b.append(ID_REST.charAt(between(in, 0, ID_REST.length() - 1)));
            }
            return b.toString();
        };
    }

    /** One line without control characters; not blank, of at most {@code max} chars. */
    static Gen<String> lines(int max) {
        return in -> {
            StringBuilder b = new StringBuilder("x");
            int pieces = between(in, 0, Math.min(30, max / 2));
            for (int i = 0; i < pieces; i++) {
                b.append(pick(in, LINE_PIECES));
            }
            return b.length() <= max ? b.toString() : b.substring(0, max - 1) + "y";
        };
    }

    /** Text with line breaks and tabs; not blank. */
    static Gen<String> texts() {
        return in -> {
            StringBuilder b = new StringBuilder("t");
            int pieces = between(in, 0, 60);
            for (int i = 0; i < pieces; i++) {
                b.append(pick(in, TEXT_PIECES));
            }
            return b.toString();
        };
    }

    /** Any text, blank or not, of any characters a JSON string can hold, control characters included. */
    static Gen<String> anyTexts() {
        return in -> {
            StringBuilder b = new StringBuilder();
            int pieces = between(in, 0, 40);
            for (int i = 0; i < pieces; i++) {
                b.append(chance(in) ? pick(in, TEXT_PIECES) : String.valueOf((char) between(in, 0, 0x1f)));
            }
            return b.toString();
        };
    }

    static Gen<Instant> instants() {
        return in -> Instant.ofEpochSecond(between(in, 946_684_800L, 4_102_444_800L),
                chance(in) ? 0 : between(in, 0, 999_999_999));
    }

    static Instant after(RandomnessSource in, Instant start) {
        return start.plusSeconds(between(in, 0, 90L * 24 * 3600)).plusNanos(chance(in) ? 0 : between(in, 0, 999_999));
    }

    static Gen<BigDecimal> decimals() {
        return in -> new BigDecimal(BigInteger.valueOf(between(in, Long.MIN_VALUE, Long.MAX_VALUE))
                .multiply(chance(in) ? BigInteger.ONE : BigInteger.TEN.pow(between(in, 0, 30))),
                between(in, -20, 40));
    }

    // ---- core values

    static Gen<TenantId> tenants() {
        return identifiers().map(TenantId::of);
    }

    static Gen<TicketId> ticketIds() {
        return identifiers().map(TicketId::of);
    }

    static Gen<Party> parties() {
        return in -> new Party(pick(in, PartyKind.class), identifiers().generate(in));
    }

    static Gen<TicketNumber> ticketNumbers() {
        // TicketNumber.parse reads at most 18 digits, though the record accepts any positive long
        return in -> new TicketNumber(pick(in, TicketKind.class),
                chance(in) ? between(in, 1L, 9_999_999L) : between(in, 1L, 999_999_999_999_999_999L));
    }

    static Gen<TicketState> states() {
        return in -> new TicketState(pick(in, List.of("NEW", "IN_PROGRESS", "ON_HOLD", "RESOLVED", "closed.ok",
                "Awaiting-Caller")), pick(in, StateCategory.class));
    }

    static Gen<Priority> priorities() {
        return in -> Priority.of(between(in, 1, Priority.MAX_LEVEL));
    }

    static Gen<PriorityDecision> priorityDecisions() {
        return in -> {
            PriorityDecision derived = PriorityDecision.derived(priorities().generate(in));
            return chance(in) ? derived : derived.overriddenTo(priorities().generate(in), lines(1000).generate(in));
        };
    }

    static Gen<ImpactUrgencyMatrix> matrices() {
        return in -> {
            int impacts = between(in, 1, Impact.MAX_LEVEL);
            int urgencies = between(in, 1, Urgency.MAX_LEVEL);
            ImpactUrgencyMatrix.Builder b = ImpactUrgencyMatrix.builder(impacts, urgencies);
            int[][] cells = new int[impacts + 1][urgencies + 1];
            for (int i = 1; i <= impacts; i++) {
                for (int u = 1; u <= urgencies; u++) {
                    // monotone by construction: never a higher priority (smaller level) than the cell above or left
                    int floor = i == 1 && u == 1 ? between(in, 1, 3) : Math.max(cells[i - 1][u], cells[i][u - 1]);
                    cells[i][u] = Math.min(Priority.MAX_LEVEL, floor + (chance(in) ? 0 : 1));
                }
                b.row(i, java.util.Arrays.copyOfRange(cells[i], 1, urgencies + 1));
            }
            return b.build();
        };
    }

    static Gen<FieldValue> scalarFieldValues() {
        return in -> switch (between(in, 0, 4)) {
            case 0 -> new FieldValue.Text(anyTexts().generate(in));
            case 1 -> new FieldValue.Number(decimals().generate(in));
            case 2 -> new FieldValue.Bool(chance(in));
            case 3 -> new FieldValue.Timestamp(instants().generate(in));
            default -> new FieldValue.Date(LocalDate.ofEpochDay(between(in, -400_000, 400_000)));
        };
    }

    static Gen<FieldValue> fieldValues() {
        return in -> between(in, 0, 5) == 0 ? new FieldValue.Multi(listOf(in, 4, scalarFieldValues()))
                : scalarFieldValues().generate(in);
    }

    static Gen<String> customFieldNames() {
        return identifiers().map(name -> TicketField.isReserved(name) ? name + "_x" : name);
    }

    static Gen<CustomFields> customFields() {
        return in -> {
            Map<String, FieldValue> values = new LinkedHashMap<>();
            int size = between(in, 0, 4);
            for (int i = 0; i < size; i++) {
                values.put(customFieldNames().generate(in), fieldValues().generate(in));
            }
            return CustomFields.of(values);
        };
    }

    static Gen<FieldChange> fieldChanges() {
        return in -> {
            Optional<FieldValue> before = maybe(in, fieldValues());
            Optional<FieldValue> after = maybe(in, fieldValues());
            if (before.equals(after)) {
                after = Optional.of(new FieldValue.Text("changed " + after));
            }
            return new FieldChange(identifiers().generate(in), before, after);
        };
    }

    static Gen<Violation> violations() {
        return in -> new Violation(anyTexts().generate(in), anyTexts().generate(in), anyTexts().generate(in));
    }

    static Gen<FieldDefinition> fieldDefinitions() {
        return in -> {
            FieldType type = pick(in, FieldType.class);
            FieldDefinition.Builder b = FieldDefinition.builder(customFieldNames().generate(in), type)
                    .required(chance(in));
            if (chance(in)) {
                b.label(lines(100).generate(in));
            }
            switch (type) {
                case TEXT -> {
                    if (chance(in)) {
                        b.maxLength(between(in, 1, FieldValue.MAX_TEXT_LENGTH));
                    }
                }
                case NUMBER -> {
                    BigDecimal low = decimals().generate(in);
                    if (chance(in)) {
                        b.min(low);
                    }
                    if (chance(in)) {
                        b.max(low.add(decimals().generate(in).abs()));
                    }
                }
                case CHOICE, MULTI_CHOICE -> {
                    Set<String> choices = new LinkedHashSet<>(listOf(in, 4, lines(40)));
                    choices.add("other");
                    b.choices(List.copyOf(choices));
                }
                default -> { }
            }
            return b.build();
        };
    }

    static Gen<FieldSchema> fieldSchemas() {
        return in -> {
            if (between(in, 0, 3) == 0) {
                return FieldSchema.OPEN;
            }
            Map<String, FieldDefinition> byName = new LinkedHashMap<>();
            for (FieldDefinition d : listOf(in, 4, fieldDefinitions())) {
                byName.putIfAbsent(d.name(), d);
            }
            return FieldSchema.of(byName.values());
        };
    }

    // ---- tickets

    static Gen<TicketDetails> details(TicketKind kind) {
        return in -> switch (kind) {
            case INCIDENT -> IncidentDetails.EMPTY.withMajor(chance(in))
                    .withHoldReason(maybe(in, i -> pick(i, HoldReason.class)))
                    .withResolutionCode(maybe(in, lines(100)))
                    .withResolutionNotes(maybe(in, texts()));
            case SERVICE_REQUEST -> RequestDetails.EMPTY
                    .withCatalogueItem(maybe(in, identifiers().map(CatalogueItemId::of)))
                    .withRequestedFor(maybe(in, parties()));
            case PROBLEM -> ProblemDetails.EMPTY.withKnownError(chance(in))
                    .withRootCause(maybe(in, texts()))
                    .withWorkaround(maybe(in, texts()));
            case CHANGE -> {
                Instant start = instants().generate(in);
                yield ChangeDetails.EMPTY.withType(pick(in, ChangeType.class)).withRisk(pick(in, ChangeRisk.class))
                        .withPlannedWindow(chance(in) ? Optional.of(new TimeWindow(start, start.plusSeconds(
                                between(in, 1, 100_000)))) : Optional.empty())
                        .withImplementationPlan(maybe(in, texts()))
                        .withBackoutPlan(maybe(in, texts()))
                        .withAcceptanceCriteria(listOf(in, 3, lines(200)));
            }
            case TASK -> TaskDetails.EMPTY;
        };
    }

    static Gen<Attachment> attachments() {
        return in -> new Attachment(lines(255).generate(in), pick(in, List.of("text/plain", "image/png",
                "application/vnd.ms-excel")), between(in, 0L, Long.MAX_VALUE),
                URI.create("https://files.example/" + identifiers().generate(in).replace(':', '_').replace('@', '_')
                        + "?a=1&b=%20"));
    }

    static Gen<Ticket> tickets() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            TicketNumber number = ticketNumbers().generate(in);
            TicketId id = ticketIds().generate(in);
            Instant created = instants().generate(in);
            Ticket.Builder b = Ticket.builder(tenant, id, number)
                    .title(lines(200).generate(in))
                    .description(chance(in) ? "" : texts().generate(in))
                    .state(states().generate(in))
                    .priority(Impact.of(between(in, 1, 9)), Urgency.of(between(in, 1, 9)),
                            priorityDecisions().generate(in))
                    .category(maybe(in, lines(100)))
                    .requester(parties().generate(in))
                    .assignee(maybe(in, i -> chance(i) ? Party.person(identifiers().generate(i))
                            : Party.system(identifiers().generate(i))))
                    .assignmentGroup(maybe(in, identifiers().map(Party::group)))
                    .service(maybe(in, identifiers().map(ServiceId::of)))
                    .configurationItems(listOf(in, 3, identifiers().map(ConfigurationItemId::of)))
                    .customFields(customFields().generate(in))
                    .details(details(number.kind()).generate(in))
                    .links(links(in, tenant, id, number.kind()))
                    .journal(listOf(in, 3, i -> new JournalEntry(pick(i, JournalEntryKind.class), parties().generate(i),
                            after(i, created), texts().generate(i), listOf(i, 2, attachments()))))
                    .approvals(listOf(in, 3, i -> approval(i, created)))
                    .createdAt(created)
                    .updatedAt(after(in, created))
                    .resolvedAt(chance(in) ? Optional.of(after(in, created)) : Optional.empty())
                    .closedAt(chance(in) ? Optional.of(after(in, created)) : Optional.empty())
                    .version(between(in, 1L, Long.MAX_VALUE));
            return b.build();
        };
    }

    private static List<Link> links(RandomnessSource in, TenantId tenant, TicketId self, TicketKind kind) {
        Set<Link> links = new LinkedHashSet<>();
        int size = between(in, 0, 3);
        for (int i = 0; i < size; i++) {
            TicketNumber target = ticketNumbers().generate(in);
            TicketId targetId = TicketId.of(self.value().length() < 120 ? self.value() + "-" + i : "other-" + i);
            List<LinkType> allowed = List.copyOf(LinkType.allowedBetween(kind, target.kind()));
            links.add(new Link(pick(in, allowed), new TicketRef(tenant, targetId, target)));
        }
        return List.copyOf(links);
    }

    private static Approval approval(RandomnessSource in, Instant created) {
        Instant requested = after(in, created);
        Approval approval = Approval.pending(between(in, 1, 5), chance(in) ? Party.person(identifiers().generate(in))
                : Party.group(identifiers().generate(in)), requested);
        return chance(in) ? approval : approval.decide(new ApprovalDecision(pick(in, Verdict.class),
                parties().generate(in), after(in, requested), chance(in) ? "" : texts().generate(in)));
    }

    // ---- timing

    static Gen<DueTimer> dueTimers() {
        return in -> DueTimer.of(tenants().generate(in), TicketId.of(pick(in, List.of("t1", "ticket-42", "a.b@c"))),
                pick(in, List.of("response", "resolution", "update.1")), between(in, 1, 1000), between(in, 1, 100),
                instants().generate(in));
    }

    static Gen<SlaClockSnapshot> slaClocks() {
        return in -> {
            ClockStatus status = pick(in, ClockStatus.class);
            boolean started = status != ClockStatus.NOT_STARTED;
            Instant start = instants().generate(in);
            boolean stopped = status == ClockStatus.MET || status == ClockStatus.CANCELLED
                    || status == ClockStatus.BREACHED && chance(in);
            boolean mayHaveDeadline = status == ClockStatus.RUNNING || status == ClockStatus.BREACHED && !stopped;
            List<Pause> pauses = new ArrayList<>();
            Instant t = start;
            int pauseCount = started ? between(in, 0, 3) : 0;
            for (int i = 0; i < pauseCount; i++) {
                Instant from = after(in, t);
                boolean open = i == pauseCount - 1 && chance(in);
                Instant until = after(in, from);
                pauses.add(new Pause(from, open ? Optional.empty() : Optional.of(until)));
                t = until;
            }
            return SlaClockSnapshot.builder(tenants().generate(in), ticketIds().generate(in),
                            pick(in, List.of("response", "resolution")))
                    .policy(pick(in, List.of("gold", "silver.v2")), between(in, 1, 50))
                    .calendar(pick(in, List.of("24x7", "office-hours")))
                    .cycle(between(in, 1, 5))
                    .status(status)
                    .goal(Duration.ofSeconds(between(in, 1L, 10_000_000L), chance(in) ? 0 : between(in, 0, 999)))
                    .elapsed(started ? Duration.ofSeconds(between(in, 0L, 10_000_000L), between(in, 0, 999_999_999))
                            : Duration.ZERO, after(in, start))
                    .startedAt(started ? Optional.of(start) : Optional.empty())
                    .stoppedAt(stopped ? Optional.of(after(in, start)) : Optional.empty())
                    .pauses(pauses)
                    .deadline(mayHaveDeadline && chance(in) ? Optional.of(after(in, start)) : Optional.empty())
                    .breachedAt(status == ClockStatus.BREACHED ? Optional.of(after(in, start)) : Optional.empty())
                    .warnings(listOf(in, 3, i -> new ThresholdCrossing(between(i, 1, 99), after(i, start))))
                    .build();
        };
    }

    // ---- CMDB

    static Gen<RequiredApprovers> requiredApprovers() {
        return in -> {
            Set<Party> approvers = new LinkedHashSet<>();
            int size = between(in, 1, 4);
            for (int i = 0; i < size; i++) {
                approvers.add(chance(in) ? Party.person(identifiers().generate(in)) : Party.group(identifiers().generate(in)));
            }
            Party[] list = approvers.toArray(Party[]::new);
            return switch (between(in, 0, 4)) {
                case 0 -> RequiredApprovers.none();
                case 1 -> RequiredApprovers.anyOf(list);
                case 2 -> RequiredApprovers.allOf(list);
                case 3 -> RequiredApprovers.quorum(between(in, 1, list.length), list);
                default -> RequiredApprovers.inSequence(list);
            };
        };
    }

    static Gen<ConfigurationModel> configurationModels() {
        return in -> {
            TenantId tenant = tenants().generate(in);
            ConfigurationModel.Builder b = ConfigurationModel.builder(tenant);
            List<ConfigurationItemId> items = new ArrayList<>();
            int itemCount = between(in, 0, 5);
            for (int i = 0; i < itemCount; i++) {
                ConfigurationItemId id = ConfigurationItemId.of("ci-" + i);
                items.add(id);
                ConfigurationItem.Builder item = ConfigurationItem.builder(tenant, id).name(lines(80).generate(in))
                        .type(pick(in, List.of(ConfigurationItemType.SERVER, ConfigurationItemType.DATABASE,
                                ConfigurationItemType.of("load-balancer.v2"))))
                        .status(pick(in, ConfigurationItemStatus.class))
                        .attributes(customFields().generate(in));
                b.item(item.build());
            }
            for (int i = 0; i + 1 < items.size(); i++) {
                if (chance(in)) {
                    b.relationship(Relationship.of(items.get(i), pick(in, RelationshipType.class), items.get(i + 1)));
                }
            }
            int serviceCount = between(in, 0, 3);
            for (int s = 0; s < serviceCount; s++) {
                ServiceId serviceId = ServiceId.of("svc-" + s);
                Service.Builder service = Service.builder(tenant, serviceId).name(lines(80).generate(in))
                        .description(chance(in) ? "" : texts().generate(in))
                        .owner(parties().generate(in))
                        .status(pick(in, ServiceStatus.class))
                        .criticality(pick(in, ServiceCriticality.class));
                if (chance(in)) {
                    service.calendar(identifiers().generate(in));
                }
                for (ConfigurationItemId item : items) {
                    if (chance(in)) {
                        service.supportedBy(item);
                    }
                }
                b.service(service.build());
                if (chance(in)) {
                    b.catalogueItem(CatalogueItem.builder(tenant, CatalogueItemId.of("cat-" + s), serviceId)
                            .name(lines(80).generate(in))
                            .description(chance(in) ? "" : texts().generate(in))
                            .requestForm(fieldSchemas().generate(in))
                            .approval(requiredApprovers().generate(in))
                            .build());
                }
            }
            return b.build();
        };
    }
}
