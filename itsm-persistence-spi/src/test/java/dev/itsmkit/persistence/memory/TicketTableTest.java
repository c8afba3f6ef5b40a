package dev.itsmkit.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ticket table finds a ticket by the stored id and by any equal copy, and by nothing else, whether
 * its id is kept inline (up to {@value TicketTable#INLINE_CHARS} ASCII characters) or not.
 */
class TicketTableTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** Prefixes that put ids below, at and above the inline limit. */
    private static final List<String> PREFIXES = List.of("", "inc-", "a".repeat(TicketTable.INLINE_CHARS - 8),
            "b".repeat(TicketTable.INLINE_CHARS - 7), "c".repeat(TicketTable.INLINE_CHARS));

    /**
     * An id of a prefix and {@code blocks} blocks, each {@code Aa} or {@code BB} as the bits of {@code pattern} say:
     * "Aa" and "BB" have the same hash code, so all ids of one prefix and block count collide, and differ only in
     * their characters.
     */
    private static TicketId collidingId(int prefix, int blocks, int pattern) {
        StringBuilder text = new StringBuilder("x").append(PREFIXES.get(prefix));
        for (int b = 0; b < blocks; b++) {
            text.append((pattern >>> b & 1) == 0 ? "Aa" : "BB");
        }
        return TicketId.of(text.toString());
    }

    /** An equal id with its own string (and bytes), as parsed from a request. */
    private static TicketId copyOf(TicketId id) {
        return TicketId.of(new String(id.value().toCharArray()));
    }

    private static Ticket ticket(TicketId id, int n) {
        return Ticket.builder(ACME, id, new TicketNumber(TicketKind.INCIDENT, n + 1)).title("t" + n)
                .state(TicketState.of("WIP", StateCategory.OPEN)).requester(Party.person("u")).createdAt(T0).updatedAt(T0)
                .build();
    }

    @Test
    void everyStoredIdIsFoundByItselfAndByAnEqualCopyAndNoOtherIdIsFound() {
        // ids drawn as integers: prefix, block count (up to 3) and pattern; many share their hash code and length
        qt().withExamples(200).forAll(lists().of(integers().between(0, PREFIXES.size() * 4 * 8 - 1)).ofSizeBetween(0, 120),
                lists().of(integers().between(0, PREFIXES.size() * 4 * 8 - 1)).ofSizeBetween(0, 40)).checkAssert((stored, probed) -> {
            TicketTable table = new TicketTable();
            Map<TicketId, Ticket> reference = new LinkedHashMap<>();
            for (int code : stored) {
                TicketId id = collidingId(code % PREFIXES.size(), code / PREFIXES.size() % 4, code / PREFIXES.size() / 4);
                // some ids get data only (an event before the first snapshot), which a load reads as absent
                int index = table.indexFor(id);
                if (code % 3 != 0) {
                    Ticket t = ticket(id, code);
                    table.replaceAt(index, t);
                    reference.put(id, t);
                } else {
                    reference.putIfAbsent(id, null);
                }
            }
            assertThat(table.size()).isEqualTo(reference.size());
            reference.forEach((id, t) -> {
                assertThat(table.get(id)).isSameAs(t);
                assertThat(table.get(copyOf(id))).isSameAs(t);
                int index = table.indexOf(copyOf(id));
                assertThat(index).isNotNegative().isEqualTo(table.indexOf(id));
                assertThat(table.ticketAt(index)).isSameAs(t);
                assertThat(table.data(copyOf(id))).isSameAs(table.dataAt(index));
            });
            for (int code : probed) {
                TicketId id = collidingId(code % PREFIXES.size(), code / PREFIXES.size() % 4, code / PREFIXES.size() / 4);
                boolean known = reference.containsKey(id);
                assertThat(table.indexOf(copyOf(id)) >= 0).isEqualTo(known);
                assertThat(table.get(copyOf(id))).isSameAs(reference.get(id));
                assertThat(table.data(id) != null).isEqualTo(known);
            }
        });
    }

    @Test
    void idsOfEveryInlineLengthAndLongerAreTellApartThroughGrowth() {
        TicketTable table = new TicketTable();
        List<TicketId> ids = new ArrayList<>();
        for (int length = 1; length <= TicketTable.INLINE_CHARS + 3; length++) {
            for (int variant = 0; variant < 40; variant++) {
                // ids of one length that differ in one character, at every position in turn
                char[] chars = "k".repeat(length).toCharArray();
                chars[variant % length] = (char) ('a' + variant % 26);
                chars[0] = variant < 26 ? chars[0] : 'Z';
                TicketId id = TicketId.of(new String(chars));
                if (table.indexOf(id) < 0) {
                    table.replaceAt(table.indexFor(id), ticket(id, ids.size()));
                    ids.add(id);
                }
            }
        }
        for (int n = 0; n < 500; n++) {
            TicketId id = TicketId.of(UUID.nameUUIDFromBytes(new byte[] {(byte) n, (byte) (n >> 8)}).toString());
            table.replaceAt(table.indexFor(id), ticket(id, ids.size()));
            ids.add(id);
        }
        assertThat(table.size()).isEqualTo(ids.size());
        for (TicketId id : ids) {
            Ticket found = table.get(copyOf(id));
            assertThat(found).isNotNull();
            assertThat(found.id()).isEqualTo(id);
        }
        assertThat(table.get(TicketId.of("k".repeat(TicketTable.INLINE_CHARS + 4)))).isNull();
        assertThat(table.get(TicketId.of("missing"))).isNull();
    }
}
