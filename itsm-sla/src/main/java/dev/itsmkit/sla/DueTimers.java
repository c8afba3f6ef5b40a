package dev.itsmkit.sla;

import dev.itsmkit.core.Identifier;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.DueTimer;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/*
 * The due timers of an update that the SLA engine made, each built when first read: a command that moves no
 * threshold (a comment) gets its clock's timer back as unchanged, and the command path writes only the moved ones
 * (SlaUpdate.moved()), so the timer, its id and the id's text (some 60 characters, checked character by character)
 * were built on every command only to be dropped. The list is immutable and equal to the list of the timers built;
 * unchanged timers are the very slots of the timers to schedule, so a timer read from either list is the same
 * instance. A slot whose id would be too long for an identifier builds its timer at once, so that the engine
 * refuses it where it always did; nothing else of a timer the engine makes can be refused (the cycle comes from a
 * built snapshot, the percent from the target, the names are identifiers joined by '.' and ':').
 *
 * Thread-safe: a slot's timer may be built twice by two readers at once, which then see equal timers (DueTimer is
 * a record, safely published through its final fields).
 */
final class DueTimers extends AbstractList<DueTimer> implements RandomAccess {
    /* The longest identifier (a timer id is one). */
    private static final int ID_MAX_LENGTH = Identifier.MAX_LENGTH;

    /* One timer the engine decided on, built when first read. */
    static final class Slot {
        private final TenantId tenant;
        private final TicketId ticket;
        private final String target;
        private final int cycle;
        private final int percent;
        private final Instant dueAt;
        private @Nullable DueTimer timer;

        Slot(TenantId tenant, TicketId ticket, String target, int cycle, int percent, Instant dueAt) {
            this.tenant = tenant;
            this.ticket = ticket;
            this.target = target;
            this.cycle = cycle;
            this.percent = percent;
            this.dueAt = dueAt;
            if (ticket.value().length() + target.length() + digits(cycle) + digits(percent) + 3 > ID_MAX_LENGTH
                    || cycle < 1 || percent < 1 || percent > DueTimer.BREACH) {
                timer(); // refused here, as DueTimer.of always refused it
            }
        }

        TicketId ticket() {
            return ticket;
        }

        String target() {
            return target;
        }

        int cycle() {
            return cycle;
        }

        int percent() {
            return percent;
        }

        DueTimer timer() {
            DueTimer built = timer;
            if (built == null) {
                built = DueTimer.of(tenant, ticket, target, cycle, percent, dueAt);
                timer = built;
            }
            return built;
        }

        /* The characters of a count as the id prints it; a negative one (refused anyway) counts as too long. */
        private static int digits(int n) {
            if (n < 0) {
                return ID_MAX_LENGTH;
            }
            int digits = 1;
            for (int rest = n / 10; rest > 0; rest /= 10) {
                digits++;
            }
            return digits;
        }
    }

    private final Slot[] slots;

    private DueTimers(Slot[] slots) {
        this.slots = slots;
    }

    /* The timers of the slots, in order; List.of() when there is none. */
    static List<DueTimer> of(List<Slot> slots) {
        return slots.isEmpty() ? List.of() : new DueTimers(slots.toArray(new Slot[0]));
    }

    /* Whether every slot of this list is one of another's (by identity: the engine puts the same slot in both). */
    boolean allIn(DueTimers other) {
        for (Slot slot : slots) {
            boolean found = false;
            for (Slot candidate : other.slots) {
                if (candidate == slot) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Override
    public DueTimer get(int index) {
        return slots[index].timer();
    }

    @Override
    public int size() {
        return slots.length;
    }
}
