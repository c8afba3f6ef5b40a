package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.AuditChain;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's test hooks that edit a stored trail behind the SPI's back (the compatibility kit's tamper
 * tests use them; these check what the kit does not): a deleted record leaves every read, a later append chains to
 * the trail as edited, an edited hash is what the next append chains to, and a hook refuses what it cannot apply.
 */
class InMemoryTrailEditsForTestingTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId ACME = TenantId.of("acme");
    private static final TicketId TICKET = TicketId.of("inc-1");

    private static TicketEvent event(long sequence) {
        return new SlaWarned(ACME, TICKET, Party.person("u"), T0.plusSeconds(sequence), sequence, 1, "resolution", 1, 50, T0);
    }

    private static InMemoryStores storesWithTrail(int events) {
        InMemoryStores stores = InMemoryStores.create();
        for (int s = 1; s <= events; s++) {
            stores.forTenant(ACME).begin().append(event(s)).commit();
        }
        return stores;
    }

    private static List<Long> sequences(List<AuditRecord> records) {
        return records.stream().map(r -> r.event().sequence()).toList();
    }

    @Test
    void aDeletedRecordLeavesTheTrailItsReadsFromASequenceAndTheEventsByTime() {
        InMemoryStores stores = storesWithTrail(5);
        TenantStores acme = stores.forTenant(ACME);
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 3)).isTrue();
        assertThat(sequences(acme.auditTrail().forTicket(TICKET))).containsExactly(1L, 2L, 4L, 5L);
        assertThat(sequences(acme.auditTrail().forTicket(TICKET, 3))).containsExactly(4L, 5L);
        assertThat(sequences(acme.auditTrail().forTicket(TICKET, 4))).containsExactly(4L, 5L);
        assertThat(acme.auditTrail().forTicket(TICKET, 6)).isEmpty();
        TimeWindow all = new TimeWindow(T0, T0.plusSeconds(60));
        assertThat(sequences(acme.auditTrail().between(all, 10).items())).containsExactly(1L, 2L, 4L, 5L);
        assertThat(acme.auditTrail().verify(TICKET)).isInstanceOfSatisfying(ChainVerification.Broken.class,
                broken -> assertThat(broken.sequence()).isEqualTo(4));
        // the records kept are as they were stored: each one's hash is still the chain's over the original trail
        String h1 = AuditChain.hash(AuditChain.GENESIS, event(1));
        String h2 = AuditChain.hash(h1, event(2));
        String h3 = AuditChain.hash(h2, event(3));
        assertThat(acme.auditTrail().forTicket(TICKET, 4).get(0).hash()).isEqualTo(AuditChain.hash(h3, event(4)));
    }

    @Test
    void afterTheLastRecordIsDeletedTheNextAppendTakesItsSequenceAndChainsToTheRecordBefore() {
        InMemoryStores stores = storesWithTrail(3);
        TenantStores acme = stores.forTenant(ACME);
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 3)).isTrue();
        assertThat(acme.auditTrail().lastSequence(TICKET)).isEqualTo(2);
        acme.begin().append(event(3)).commit();
        assertThat(acme.auditTrail().verify(TICKET)).isInstanceOf(ChainVerification.Intact.class);
        assertThat(sequences(acme.auditTrail().forTicket(TICKET))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anEditedLastHashIsWhatTheNextAppendChainsTo() {
        InMemoryStores stores = storesWithTrail(2);
        TenantStores acme = stores.forTenant(ACME);
        String forged = "0123456789abcdef".repeat(4);
        assertThat(stores.replaceStoredHashForTesting(ACME, TICKET, 2, forged)).isTrue();
        acme.begin().append(event(3)).commit();
        List<AuditRecord> records = acme.auditTrail().forTicket(TICKET);
        assertThat(records.get(1).hash()).isEqualTo(forged);
        assertThat(records.get(2).previousHash()).isEqualTo(forged);
        assertThat(records.get(2).hash()).isEqualTo(AuditChain.hash(forged, event(3)));
        assertThat(acme.auditTrail().verify(TICKET)).isInstanceOfSatisfying(ChainVerification.Broken.class,
                broken -> assertThat(broken.sequence()).isEqualTo(2));
    }

    @Test
    void theHooksAnswerFalseForARecordThatIsNotThereAndRefuseAMalformedHash() {
        InMemoryStores stores = storesWithTrail(2);
        String hash = "ab".repeat(32);
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 3)).isFalse();
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 0)).isFalse();
        assertThat(stores.deleteStoredEventForTesting(TenantId.of("other"), TICKET, 1)).isFalse();
        assertThat(stores.deleteStoredEventForTesting(ACME, TicketId.of("inc-2"), 1)).isFalse();
        assertThat(stores.replaceStoredHashForTesting(ACME, TICKET, 3, hash)).isFalse();
        assertThat(stores.replaceStoredHashForTesting(TenantId.of("other"), TICKET, 1, hash)).isFalse();
        for (String malformed : List.of("ab", "AB".repeat(32), "ag".repeat(32), "ab".repeat(33))) {
            assertThatIllegalArgumentException().isThrownBy(() -> stores.replaceStoredHashForTesting(ACME, TICKET, 1, malformed))
                    .withMessageContaining("64 lower-case hexadecimal digits").withMessageContaining(malformed);
        }
        // nothing was changed by the refused edits
        assertThat(stores.forTenant(ACME).auditTrail().verify(TICKET)).isInstanceOf(ChainVerification.Intact.class);
        // a deleted record cannot be deleted again; its neighbours still can
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 1)).isTrue();
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 1)).isFalse();
        assertThat(stores.deleteStoredEventForTesting(ACME, TICKET, 2)).isTrue();
        assertThat(stores.forTenant(ACME).auditTrail().forTicket(TICKET)).isEmpty();
        assertThat(stores.forTenant(ACME).auditTrail().lastSequence(TICKET)).isZero();
    }
}
