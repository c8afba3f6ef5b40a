package dev.itsmkit.core.outbox;

import static dev.itsmkit.core.testing.DomainGenerators.events;
import static dev.itsmkit.core.testing.DomainGenerators.notices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.SlaBreached;
import dev.itsmkit.core.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theIdempotencyKeyNamesTenantTicketAndSequence() {
        SlaBreached event = new SlaBreached(TenantId.of("acme"), TicketId.of("tk-1"), Party.ITSM_KIT, T0, 7, 3, "resolution", 1,
                T0);
        OutboxEntry entry = OutboxEntry.announcing(OutboxEntryId.of("ob-1"), event, T0);
        assertThat(entry.idempotencyKey()).isEqualTo("acme/tk-1/7");
        assertThat(entry.tenant()).isEqualTo(event.tenant());
        assertThat(entry.ticket()).isEqualTo(event.ticket());
    }

    @Test
    void aRedeliveryOrARewrittenEntryHasTheSameKey() {
        qt().forAll(events()).checkAssert(e -> {
            OutboxEntry first = OutboxEntry.announcing(OutboxEntryId.random(), e, T0);
            OutboxEntry again = OutboxEntry.announcing(OutboxEntryId.random(), e, T0.plusSeconds(60));
            assertThat(again.idempotencyKey()).isEqualTo(first.idempotencyKey());
            assertThat(new OutboxEntry(first.id(), first.tenant(), first.ticket(), e, T0, first.idempotencyKey()))
                    .isEqualTo(first);
        });
    }

    @Test
    void eventsOfDifferentTicketsTenantsOrSequencesHaveDifferentKeys() {
        qt().forAll(events(), events()).checkAssert((a, b) -> {
            boolean sameEvent = a.tenant().equals(b.tenant()) && a.ticket().equals(b.ticket()) && a.sequence() == b.sequence();
            assertThat(OutboxEntry.idempotencyKeyOf(a).equals(OutboxEntry.idempotencyKeyOf(b))).isEqualTo(sameEvent);
        });
        // ids may hold ':' '.' '@' '-' '_', never '/': no two (tenant, ticket) pairs make one key
        assertThat(OutboxEntry.idempotencyKeyOf(slaOf("a:b", "c", 1))).isNotEqualTo(OutboxEntry.idempotencyKeyOf(slaOf("a", "b:c", 1)));
    }

    private static TicketEvent slaOf(String tenant, String ticket, long sequence) {
        return new SlaBreached(TenantId.of(tenant), TicketId.of(ticket), Party.ITSM_KIT, T0, sequence, 1, "resolution", 1, T0);
    }

    @Test
    void anEntryRefusesAnEventOfAnotherTicketAndAKeyNotDerivedFromItsEvent() {
        TicketEvent event = slaOf("acme", "tk-1", 4);
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), TenantId.of("acme"),
                TicketId.of("tk-2"), event, T0, "acme/tk-2/4"))
                .withMessage("an outbox entry of ticket tk-2 of tenant acme must announce an event of that ticket, got one of"
                        + " ticket tk-1 of tenant acme");
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), TenantId.of("acme"),
                TicketId.of("tk-1"), event, T0, "random-key"))
                .withMessage("the idempotency key of an outbox entry is derived from its event: expected acme/tk-1/4, got random-key");
    }

    @Test
    void aNotificationExtendsTheEventsKeyWithItsNameAndChannel() {
        TicketEvent event = slaOf("acme", "tk-1", 7);
        OutboxEntry named = OutboxEntry.notifying(OutboxEntryId.of("ob-1"), event, Notice.named("incident-resolved"), T0);
        OutboxEntry paged = OutboxEntry.notifying(OutboxEntryId.of("ob-2"), event,
                Notice.of("sla-breached", "pager", Party.group("network"), Party.person("alice")), T0);
        assertThat(named.idempotencyKey()).isEqualTo("acme/tk-1/7/incident-resolved");
        assertThat(paged.idempotencyKey()).isEqualTo("acme/tk-1/7/sla-breached/pager");
        assertThat(paged.notice()).hasValueSatisfying(n -> {
            assertThat(n.channel()).contains("pager");
            assertThat(n.recipients()).containsExactly(Party.group("network"), Party.person("alice"));
        });
        assertThat(OutboxEntry.announcing(OutboxEntryId.of("ob-3"), event, T0).notice()).isEmpty();
    }

    @Test
    void theSameNotificationKeepsItsKeyAndDifferentNotificationsOfOneEventDoNot() {
        qt().forAll(events(), notices(), notices()).checkAssert((e, a, b) -> {
            OutboxEntry first = OutboxEntry.notifying(OutboxEntryId.random(), e, a, T0);
            OutboxEntry again = OutboxEntry.notifying(OutboxEntryId.random(), e, a, T0.plusSeconds(60));
            assertThat(again.idempotencyKey()).isEqualTo(first.idempotencyKey());
            String other = OutboxEntry.notifying(OutboxEntryId.random(), e, b, T0).idempotencyKey();
            boolean sameNotification = a.name().equals(b.name()) && a.channel().equals(b.channel());
            assertThat(other.equals(first.idempotencyKey())).isEqualTo(sameNotification);
            assertThat(first.idempotencyKey()).isNotEqualTo(OutboxEntry.idempotencyKeyOf(e)).startsWith(OutboxEntry.idempotencyKeyOf(e) + "/");
        });
    }

    @Test
    void anEntryRefusesAKeyThatDoesNotNameItsNotice() {
        TicketEvent event = slaOf("acme", "tk-1", 4);
        assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), TenantId.of("acme"),
                TicketId.of("tk-1"), event, T0, "acme/tk-1/4", Optional.of(Notice.named("incident-resolved"))))
                .withMessage("the idempotency key of an outbox entry is derived from its event and notice: expected"
                        + " acme/tk-1/4/incident-resolved, got acme/tk-1/4");
    }

    @Test
    void aNoticeHasAnIdentifierForNameAndChannelAndDistinctRecipients() {
        assertThatIllegalArgumentException().isThrownBy(() -> Notice.named("incident resolved"))
                .withMessageStartingWith("notification name 'incident resolved' has white space");
        assertThatIllegalArgumentException().isThrownBy(() -> Notice.of("resolved", "e/mail"))
                .withMessageStartingWith("notification channel 'e/mail'");
        assertThatIllegalArgumentException().isThrownBy(() -> Notice.of("resolved", "email", Party.person("bob"), Party.person("bob")))
                .withMessage("the recipients of notification resolved must differ, got [person:bob, person:bob]");
        Notice notice = new Notice("resolved", Optional.empty(), new java.util.ArrayList<>(List.of(Party.person("bob"))));
        assertThat(notice.recipients()).isUnmodifiable();
        assertThat(notice).hasToString("resolved to [person:bob]");
        assertThat(Notice.of("resolved", "email")).hasToString("resolved by email");
    }

    @Test
    void anEntryIdIsAnIdentifier() {
        assertThatIllegalArgumentException().isThrownBy(() -> OutboxEntryId.of("ob 1"))
                .withMessageStartingWith("outbox entry id 'ob 1' has white space");
        assertThat(OutboxEntryId.random()).isNotEqualTo(OutboxEntryId.random());
    }

    @Test
    void anEntryAcceptsExactlyTheDerivedKeyAndRefusesEveryOneCharacterEditOfIt() {
        qt().forAll(events(), notices(), integers().between(0, 2), integers().between(0, 10_000)).checkAssert((e, n, how, where) -> {
            Optional<Notice> notice = where % 2 == 0 ? Optional.empty() : Optional.of(n);
            String key = OutboxEntry.idempotencyKeyOf(e, notice);
            assertThat(new OutboxEntry(OutboxEntryId.of("ob-1"), e.tenant(), e.ticket(), e, T0, key, notice).idempotencyKey())
                    .isEqualTo(key);
            // drop, change or insert one character anywhere (digits and slashes too, where the pieces meet)
            int i = where % (key.length() + 1);
            char[] replacements = {'/', '0', '1', '9', 'a', '-'};
            String edited = switch (how) {
                case 0 -> i == key.length() ? key.substring(0, i - 1) : key.substring(0, i) + key.substring(i + 1);
                case 1 -> {
                    int at = Math.min(i, key.length() - 1);
                    char c = replacements[where % replacements.length];
                    char other = c == key.charAt(at) ? '_' : c;
                    yield key.substring(0, at) + other + key.substring(at + 1);
                }
                default -> key.substring(0, i) + replacements[where % replacements.length] + key.substring(i);
            };
            assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), e.tenant(), e.ticket(),
                    e, T0, edited, notice)).withMessageEndingWith(", got " + edited);
        });
        TicketEvent event = slaOf("acme", "tk-1", 12);
        for (String wrong : List.of("acme/tk-1/012", "acme/tk-1/12/", "acme/tk-1/", "acme/tk-1/1", "acme/tk-1/120", "acme/tk-1/12x",
                "acme/tk-1//12", "acme/tk-12", "acme/tk-1/-12", "acme/tk-1/18446744073709551628")) {
            assertThatIllegalArgumentException().isThrownBy(() -> new OutboxEntry(OutboxEntryId.of("ob-1"), TenantId.of("acme"),
                    TicketId.of("tk-1"), event, T0, wrong));
        }
    }

    @Test
    void anIdInTheFormOfAUuidGivesBackItsTextAndEqualsAndHashesAsAnyIdOfThatText() {
        qt().forAll(longs().all(), longs().all(), booleans().all()).checkAssert((most, least, upper) -> {
            String text = new java.util.UUID(most, least).toString();
            OutboxEntryId fromBits = OutboxEntryId.of(new java.util.UUID(most, least));
            OutboxEntryId fromText = OutboxEntryId.of(text);
            assertThat(fromBits.value()).isEqualTo(text);
            assertThat(fromText.value()).isEqualTo(text);
            assertThat(fromBits).isEqualTo(fromText).isEqualTo(new OutboxEntryId(text)).hasToString(text);
            assertThat(fromBits.hashCode()).isEqualTo(text.hashCode()).isEqualTo(fromText.hashCode());
            // not the canonical form (upper case, or one character more): held and given back as it is, another id
            String other = upper ? text.toUpperCase(java.util.Locale.ROOT) : text + "0";
            if (!other.equals(text)) {
                OutboxEntryId otherId = OutboxEntryId.of(other);
                assertThat(otherId.value()).isEqualTo(other);
                assertThat(otherId.hashCode()).isEqualTo(other.hashCode());
                assertThat(otherId).isNotEqualTo(fromBits);
                assertThat(fromBits).isNotEqualTo(otherId);
            }
        });
        assertThat(OutboxEntryId.of("ob-1")).isEqualTo(OutboxEntryId.of("ob-1")).isNotEqualTo(OutboxEntryId.of("ob-2"))
                .hasSameHashCodeAs("ob-1");
        assertThat(OutboxEntryId.of("0000000-0000-0000-0000-0000000000000").value()).isEqualTo("0000000-0000-0000-0000-0000000000000");
    }

    @Test
    void anEntryGivesBackTheValuesItWasMadeWithAndComparesAndPrintsAsARecordOfThem() {
        qt().forAll(events(), notices(), booleans().all()).checkAssert((e, n, notifying) -> {
            Optional<Notice> notice = notifying ? Optional.of(n) : Optional.empty();
            String key = OutboxEntry.idempotencyKeyOf(e, notice);
            OutboxEntryId id = OutboxEntryId.random();
            OutboxEntry entry = new OutboxEntry(id, e.tenant(), e.ticket(), e, T0, key, notice);
            OutboxEntry made = notifying ? OutboxEntry.notifying(OutboxEntryId.of(id.value()), e, n, T0)
                    : OutboxEntry.announcing(OutboxEntryId.of(id.value()), e, T0);
            for (OutboxEntry each : List.of(entry, made)) {
                assertThat(each.id()).isEqualTo(id);
                assertThat(each.tenant()).isEqualTo(e.tenant());
                assertThat(each.ticket()).isEqualTo(e.ticket());
                assertThat(each.event()).isSameAs(e);
                assertThat(each.createdAt()).isEqualTo(T0);
                assertThat(each.idempotencyKey()).isEqualTo(key);
                assertThat(each.notice()).isEqualTo(notice);
                assertThat(each).hasToString("OutboxEntry[id=" + id + ", tenant=" + e.tenant() + ", ticket=" + e.ticket() + ", event=" + e
                        + ", createdAt=" + T0 + ", idempotencyKey=" + key + ", notice=" + notice + "]");
            }
            assertThat(made).isEqualTo(entry).hasSameHashCodeAs(entry);
            assertThat(OutboxEntry.announcing(OutboxEntryId.random(), e, T0)).isNotEqualTo(entry);
            assertThat(new OutboxEntry(id, e.tenant(), e.ticket(), e, T0.plusNanos(1), key, notice)).isNotEqualTo(entry);
            assertThat(OutboxEntry.notifying(id, e, Notice.named(n.name() + "-other"), T0)).isNotEqualTo(entry);
        });
    }
}
