package dev.itsmkit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.event.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final TicketId TICKET = TicketId.of("inc-1");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static TicketEvent event(long sequence) {
        return new SlaWarned(TenantId.of("acme"), TICKET, Party.ITSM_KIT, T0.plusSeconds(sequence), sequence, 1, "resolution", 1,
                50, T0);
    }

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord r = AuditRecord.chain(previous, event(i));
            records.add(r);
            previous = r.hash();
        }
        return records;
    }

    @Test
    void aHashIsSha256OfThePreviousHashAndTheCanonicalForm() throws Exception {
        TicketEvent e = event(1);
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        String expected = java.util.HexFormat.of().formatHex(digest.digest(
                (AuditChain.GENESIS + dev.itsmkit.core.event.TicketEvents.canonicalForm(e))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(AuditChain.hash(AuditChain.GENESIS, e)).isEqualTo(expected).hasSize(64);
    }

    /** The reference: the documented formula, with strings, exactly as the chain was first written. */
    private static String referenceHash(String previousHash, TicketEvent e) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        return java.util.HexFormat.of().formatHex(digest.digest((previousHash + dev.itsmkit.core.event.TicketEvents
                .canonicalForm(e)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theHashMatchesTheDocumentedFormulaForAnyTextAndPreviousHash() {
        // comments and previous hashes with non-ASCII characters, long ones that outgrow the thread's buffers,
        // and calls in a row on one thread that reuse them: every one hashes the documented bytes
        var ascii = org.quicktheories.generators.SourceDSL.strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(1, 3000);
        var other = org.quicktheories.generators.SourceDSL.strings().betweenCodePoints(0xA0, 0xD7FF).ofLengthBetween(0, 3);
        var texts = ascii.zip(other, (a, b) -> a + b);
        qt().forAll(texts, texts, integers().between(1, 1000)).checkAssert((comment, previous, sequence) -> {
            TicketEvent e = new dev.itsmkit.core.event.Commented(TenantId.of("acme"), TICKET, Party.ITSM_KIT, T0, sequence, 1,
                    new dev.itsmkit.core.JournalEntry(dev.itsmkit.core.JournalEntryKind.WORK_NOTE, Party.ITSM_KIT, T0,
                            comment, List.of()));
            try {
                assertThat(AuditChain.hash(previous, e)).isEqualTo(referenceHash(previous, e));
                assertThat(AuditChain.hash(AuditChain.GENESIS, e)).isEqualTo(referenceHash(AuditChain.GENESIS, e));
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        });
    }

    @Test
    void anUntouchedChainVerifies() {
        qt().forAll(integers().between(0, 30)).checkAssert(n -> {
            List<AuditRecord> records = chain(n);
            assertThat(AuditChain.verify(TICKET, records)).isEqualTo(new ChainVerification.Intact(TICKET, n,
                    n == 0 ? AuditChain.GENESIS : records.get(n - 1).hash()));
        });
    }

    @Test
    void anyEditedEventBreaksTheChainAtThatEvent() {
        // the edited position is drawn within the chain, not filtered afterwards: a filter can run out of examples
        qt().forAll(integers().between(1, 20), integers().between(0, 19)).checkAssert((n, position) -> {
            int k = 1 + position % n;
            List<AuditRecord> records = new ArrayList<>(chain(n));
            AuditRecord original = records.get(k - 1);
            TicketEvent forged = new SlaWarned(TenantId.of("acme"), TICKET, Party.person("mallory"), original.event().at(), k, 1,
                    "resolution", 1, 50, T0);
            records.set(k - 1, new AuditRecord(forged, original.previousHash(), original.hash()));
            assertThat(AuditChain.verify(TICKET, records)).isInstanceOfSatisfying(ChainVerification.Broken.class,
                    b -> assertThat(b.sequence()).isEqualTo((long) k));
        });
    }

    @Test
    void aRemovedOrRepeatedEventBreaksTheChain() {
        List<AuditRecord> records = new ArrayList<>(chain(5));
        List<AuditRecord> gap = new ArrayList<>(records);
        gap.remove(2);
        assertThat(AuditChain.verify(TICKET, gap)).isInstanceOfSatisfying(ChainVerification.Broken.class,
                b -> assertThat(b.sequence()).isEqualTo(4));
        List<AuditRecord> rehashedAfterRemoval = new ArrayList<>(records.subList(0, 2));
        rehashedAfterRemoval.add(AuditRecord.chain(records.get(1).hash(), event(4)));
        assertThat(AuditChain.verify(TICKET, rehashedAfterRemoval).intact()).isFalse();
        List<AuditRecord> repeated = new ArrayList<>(records);
        repeated.add(3, records.get(2));
        assertThat(AuditChain.verify(TICKET, repeated).intact()).isFalse();
    }

    @Test
    void aRecordWithAMalformedHashIsRefused() {
        assertThatThrownBy(() -> new AuditRecord(event(1), AuditChain.GENESIS, "ABC"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
