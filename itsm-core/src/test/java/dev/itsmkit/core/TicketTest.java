package dev.itsmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.quicktheories.QuickTheory.qt;

import dev.itsmkit.core.testing.DomainGenerators;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TicketTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId ID = TicketId.of("tk-1");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static Ticket.Builder incident() {
        return Ticket.builder(ACME, ID, new TicketNumber(TicketKind.INCIDENT, 42)).title("Mail is down")
                .state(DomainGenerators.NEW).requester(Party.person("alice")).createdAt(T0);
    }

    private static Link linkTo(TenantId tenant, String id, TicketKind kind, LinkType type) {
        return new Link(type, new TicketRef(tenant, TicketId.of(id), new TicketNumber(kind, 7)));
    }

    /** Asserts that building fails with exactly one violation of this path and message. */
    private static void refused(ThrowingCallable build, String path, String message) {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(build)
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("ticket INC0000042 of tenant acme");
                    assertThat(e.violations()).extracting(Violation::path, Violation::message)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(path, message));
                });
    }

    @Test
    void aValidTicketBuildsAndEveryGeneratedTicketRebuildsEqual() {
        Ticket t = incident().build();
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.updatedAt()).isEqualTo(T0);
        qt().forAll(DomainGenerators.tickets()).checkAssert(ticket -> assertThat(ticket.toBuilder().build()).isEqualTo(ticket));
    }

    @Test
    void everyValueSetOnACopyIsGivenBackAndTheCopyEqualsTheTicketBuiltFreshWithThoseValues() {
        Instant later = T0.plusSeconds(60);
        Ticket plain = incident().build();
        Ticket.Builder fresh = incident().updatedAt(later).version(2);
        Ticket.Builder copy = plain.toBuilder().updatedAt(later).version(2);
        for (Ticket.Builder b : List.of(fresh, copy)) {
            b.priority(Impact.of(1), Urgency.of(2), Priority.of(2)).overridePriority(Priority.of(1), "the CEO")
                    .category(Optional.of("mail")).assignee(Optional.of(Party.person("bob")))
                    .assignmentGroup(Optional.of(Party.group("messaging"))).service(Optional.of(ServiceId.of("mail")))
                    .configurationItems(List.of(ConfigurationItemId.of("mx-2"), ConfigurationItemId.of("mx-1")))
                    .customFields(CustomFields.of(java.util.Map.of("site", new FieldValue.Text("Paris"))))
                    .links(List.of(linkTo(ACME, "tk-2", TicketKind.PROBLEM, LinkType.INCIDENT_OF_PROBLEM)))
                    .closedAt(Optional.of(later));
        }
        Ticket built = fresh.build();
        Ticket changed = copy.build();
        assertThat(changed).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        for (Ticket t : List.of(built, changed)) {
            assertThat(t.impact()).isEqualTo(Impact.of(1));
            assertThat(t.urgency()).isEqualTo(Urgency.of(2));
            assertThat(t.priority()).isEqualTo(Priority.of(1));
            assertThat(t.priorityDecision()).isEqualTo(PriorityDecision.derived(Priority.of(2)).overriddenTo(Priority.of(1), "the CEO"));
            assertThat(t.priorityOverrideReason()).contains("the CEO");
            assertThat(t.category()).contains("mail");
            assertThat(t.assignee()).contains(Party.person("bob"));
            assertThat(t.assignmentGroup()).contains(Party.group("messaging"));
            assertThat(t.service()).contains(ServiceId.of("mail"));
            assertThat(t.configurationItems()).containsExactly(ConfigurationItemId.of("mx-1"), ConfigurationItemId.of("mx-2"));
            assertThat(t.field("site")).contains(new FieldValue.Text("Paris"));
            assertThat(t.links()).containsExactly(linkTo(ACME, "tk-2", TicketKind.PROBLEM, LinkType.INCIDENT_OF_PROBLEM));
            assertThat(t.closedAt()).contains(later);
        }
        // each value back to what the plain ticket has: equal to it again, whichever value changed last
        Ticket back = changed.toBuilder().updatedAt(T0).version(1).priority(Impact.of(3), Urgency.of(3), Priority.of(3))
                .category(Optional.empty()).assignee(Optional.empty()).assignmentGroup(Optional.empty()).service(Optional.empty())
                .configurationItems(List.of()).customFields(CustomFields.EMPTY).links(List.of()).closedAt(Optional.empty()).build();
        assertThat(back).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(back.priorityOverrideReason()).isEmpty();
        // a change of one value leaves the others as they were
        Ticket reassigned = changed.toBuilder().assignee(Optional.of(Party.person("carol"))).build();
        assertThat(reassigned.assignee()).contains(Party.person("carol"));
        assertThat(reassigned).isNotEqualTo(changed);
        assertThat(reassigned.toBuilder().assignee(Optional.of(Party.person("bob"))).build()).isEqualTo(changed);
    }

    @Test
    void aBlankTitleIsRefused() {
        refused(() -> incident().title("   ").build(), "title", "must not be blank");
    }

    @Test
    void aTitleOfMoreThan200CharactersIsRefused() {
        assertThat(incident().title("x".repeat(200)).build().title()).hasSize(200);
        refused(() -> incident().title("x".repeat(201)).build(), "title", "must be at most 200 characters, got 201");
    }

    @Test
    void aTitleWithAControlCharacterIsRefusedAndTheValueShowsItEscaped() {
        assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> incident().title("Mail\u0007down").build())
                .satisfies(e -> assertThat(e.violations()).containsExactly(new Violation("title", "Mail\\u0007down",
                        "must be one line without control characters, found the control character U+0007 at index 4")));
        refused(() -> incident().title("Mail\ndown").build(), "title",
                "must be one line without control characters, found the control character U+000A at index 4");
    }

    @Test
    void aDescriptionMayHoldLineBreaksButNoOtherControlCharacter() {
        assertThat(incident().description("line 1\r\nline 2\tend").build().description()).contains("\t");
        refused(() -> incident().description("bell\u0007").build(), "description",
                "must not hold control characters other than tab and line breaks, found the control character U+0007 at index 4");
    }

    @Test
    void aLinkToAnotherTenantIsRefused() {
        refused(() -> incident().links(List.of(linkTo(TenantId.of("globex"), "tk-2", TicketKind.INCIDENT, LinkType.RELATED_TO)))
                .build(), "links[0].target", "must be a ticket of the same tenant (acme)");
    }

    @Test
    void aLinkToItselfIsRefused() {
        refused(() -> incident().links(List.of(linkTo(ACME, "tk-1", TicketKind.INCIDENT, LinkType.RELATED_TO))).build(),
                "links[0].target", "must be another ticket than INC0000042");
    }

    @Test
    void aDuplicateLinkIsRefused() {
        Link link = linkTo(ACME, "tk-2", TicketKind.PROBLEM, LinkType.INCIDENT_OF_PROBLEM);
        refused(() -> incident().links(List.of(link, link)).build(), "links[1]", "appears twice");
    }

    @Test
    void aLinkTypeTheKindsDoNotAllowIsRefused() {
        refused(() -> incident().links(List.of(linkTo(ACME, "tk-2", TicketKind.CHANGE, LinkType.INCIDENT_OF_PROBLEM))).build(),
                "links[0].type", "is not allowed from a INCIDENT to a CHANGE; allowed: " + LinkType.allowedBetween(
                        TicketKind.INCIDENT, TicketKind.CHANGE));
    }

    @Test
    void detailsOfAnotherKindAreRefused() {
        refused(() -> incident().details(ProblemDetails.EMPTY).build(), "details",
                "must be the details of a INCIDENT like the ticket number INC0000042");
    }

    @Test
    void aGroupAsAssigneeIsRefusedAndAPersonAsGroup() {
        refused(() -> incident().assignee(Optional.of(Party.group("network"))).build(), "assignee",
                "must be a person or a system");
        refused(() -> incident().assignmentGroup(Optional.of(Party.person("bob"))).build(), "assignmentGroup",
                "must be a group");
        assertThat(incident().assignee(Optional.of(Party.system("bot"))).build().assignee()).contains(Party.system("bot"));
    }

    @Test
    void aCustomFieldWithTheNameOfABuiltInFieldIsRefused() {
        refused(() -> incident().customFields(CustomFields.of(java.util.Map.of("title", FieldValue.of("x")))).build(),
                "customFields.title", "is the name of a built-in field; a custom field needs another name");
    }

    @Test
    void anUpdateBeforeTheCreationIsRefused() {
        refused(() -> incident().updatedAt(T0.minusSeconds(1)).build(), "updatedAt",
                "must not be before createdAt (" + T0 + ")");
    }

    @Test
    void aJournalEntryBeforeTheCreationIsRefused() {
        JournalEntry early = new JournalEntry(JournalEntryKind.WORK_NOTE, Party.person("bob"), T0.minusSeconds(5), "note",
                List.of());
        refused(() -> incident().journal(List.of(early)).build(), "journal[0].at",
                "must not be before the ticket was created (" + T0 + ")");
    }

    @Test
    void aVersionBelowOneIsRefused() {
        refused(() -> incident().version(0).build(), "version", "must be 1 or more");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> incident().title(" ").details(ChangeDetails.EMPTY).version(0).build())
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactly("title", "details", "version"));
    }

    @Test
    void configurationItemsAreKeptOnceInIdOrder() {
        Ticket t = incident().configurationItems(List.of(ConfigurationItemId.of("ci-b"), ConfigurationItemId.of("ci-a"),
                ConfigurationItemId.of("ci-b"))).build();
        assertThat(t.configurationItems()).containsExactly(ConfigurationItemId.of("ci-a"), ConfigurationItemId.of("ci-b"));
    }

    @Test
    void fieldsReadBackWhatWasWrittenByName() {
        qt().forAll(DomainGenerators.tickets(), DomainGenerators.customFields()).checkAssert((ticket, fields) -> {
            Ticket.Builder b = ticket.toBuilder();
            fields.asMap().forEach((name, value) -> b.field(name, Optional.of(value)));
            Ticket changed = b.build();
            fields.asMap().forEach((name, value) -> assertThat(changed.field(name)).contains(value));
        });
    }

    @Test
    void aTicketCommentedOnManyTimesSharesItsJournalAndStillChecksEveryEntryWhenItsCreationMoves() {
        Ticket t = incident().build();
        List<Ticket> snapshots = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            JournalEntry note = new JournalEntry(JournalEntryKind.WORK_NOTE, Party.person("bob"), T0.plusSeconds(i), "note " + i,
                    List.of());
            t = t.toBuilder().journal(dev.itsmkit.core.internal.AppendOnlyList.appending(t.journal(), note)).build();
            snapshots.add(t);
        }
        assertThat(t.journal()).hasSize(100);
        for (int i = 0; i < snapshots.size(); i++) {
            assertThat(snapshots.get(i).journal()).hasSize(i + 1).last().extracting(JournalEntry::text).isEqualTo("note " + i);
        }
        // A second branch from an old snapshot does not touch the newer ones.
        JournalEntry other = new JournalEntry(JournalEntryKind.WORK_NOTE, Party.person("eve"), T0, "branch", List.of());
        Ticket branch = snapshots.get(9).toBuilder().journal(dev.itsmkit.core.internal.AppendOnlyList.appending(
                snapshots.get(9).journal(), other)).build();
        assertThat(branch.journal()).hasSize(11).last().isEqualTo(other);
        assertThat(snapshots.get(10).journal().get(10).text()).isEqualTo("note 10");
        assertThat(t.toBuilder().build()).isEqualTo(t);
        assertThat(t.toBuilder().journal(List.copyOf(t.journal())).build()).isEqualTo(t);
        Ticket last = t;
        assertThatExceptionOfType(ValidationException.class)
                .isThrownBy(() -> last.toBuilder().createdAt(T0.plusSeconds(50)).updatedAt(T0.plusSeconds(60)).build())
                .satisfies(e -> assertThat(e.violations()).extracting(Violation::path).first().isEqualTo("journal[0].at"));
    }

    @Test
    void aLinkAddedToALinkedTicketIsStillCheckedAgainstTheLinksBefore() {
        Link toProblem = linkTo(ACME, "pr-1", TicketKind.PROBLEM, LinkType.INCIDENT_OF_PROBLEM);
        Ticket linked = incident().links(List.of(toProblem)).build();
        Ticket.Builder twice = linked.toBuilder().links(dev.itsmkit.core.internal.AppendOnlyList.appending(linked.links(),
                toProblem));
        refused(twice::build, "links[1]", "appears twice");
        Link self = new Link(LinkType.RELATED_TO, linked.ref());
        refused(() -> linked.toBuilder().links(dev.itsmkit.core.internal.AppendOnlyList.appending(linked.links(), self)).build(),
                "links[1].target", "must be another ticket than INC0000042");
    }
}
