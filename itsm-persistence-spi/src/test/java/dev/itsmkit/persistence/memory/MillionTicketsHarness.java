package dev.itsmkit.persistence.memory;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TicketState;
import dev.itsmkit.core.event.SlaWarned;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.outbox.OutboxEntryId;
import dev.itsmkit.core.timing.ClockStatus;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Not a test: a console harness that loads a million open tickets into the in-memory stores and
 * prints the heap they take and rough save/load/query timings (JMH benchmarks are pending the
 * benchmarks module). Run with, from the repository root, after {@code test-compile}:
 *
 * <pre>
 * java -Xmx3g -cp itsm-persistence-spi/target/test-classes:itsm-persistence-spi/target/classes:itsm-core/target/classes:$(cat cp.txt) \
 *     dev.itsmkit.persistence.memory.MillionTicketsHarness 1000000
 * </pre>
 */
public final class MillionTicketsHarness {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final TicketState OPEN = TicketState.of("IN_PROGRESS", StateCategory.OPEN);

    private MillionTicketsHarness() {}

    static Ticket ticket(long n) {
        TicketNumber number = new TicketNumber(TicketKind.INCIDENT, n);
        return Ticket.builder(TENANT, TicketId.of("inc-" + n), number)
                .title("E-mail is down for the sales team " + n)
                .state(OPEN)
                .requester(Party.person("user" + n % 5000))
                .overridePriority(Priority.of(1 + (int) (n % 4)), "harness")
                .assignee(Optional.of(Party.person("agent" + n % 400)))
                .assignmentGroup(Optional.of(Party.group("group" + n % 40)))
                .service(Optional.of(ServiceId.of("svc" + n % 200)))
                .configurationItems(List.of(ConfigurationItemId.of("ci" + n % 20000)))
                .field("site", Optional.of(FieldValue.of("site" + n % 30)))
                .createdAt(T0.plusSeconds(n))
                .updatedAt(T0.plusSeconds(n))
                .build();
    }

    private static long commitAll(TenantStores acme, List<Ticket> befores, List<Ticket> afters, List<SlaWarned> events,
            List<SlaClockSnapshot> clocks, List<DueTimer> timers, List<OutboxEntry> entries) {
        int ops = afters.size();
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            acme.begin().save(afters.get(i), befores.get(i).version()).append(events.get(i)).save(clocks.get(i))
                    .schedule(timers.get(i)).enqueue(entries.get(i)).commit();
        }
        return (System.nanoTime() - t0) / ops;
    }

    private static long loadMany(TenantStores acme, List<Ticket> current, int loads, long[] found) {
        int count = current.size();
        long t1 = System.nanoTime();
        for (int i = 0; i < loads; i++) {
            found[0] += acme.tickets().find(current.get((int) ((i * 31L) % count)).id()).isPresent() ? 1 : 0;
        }
        return (System.nanoTime() - t1) / loads;
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Runs the harness.
     *
     * @param args the number of tickets, 1,000,000 unless given
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long base = usedHeap();
        List<Ticket> tickets = new ArrayList<>(count);
        for (long n = 1; n <= count; n++) {
            tickets.add(ticket(n));
        }
        long ticketsOnly = usedHeap() - base;
        InMemoryStores stores = InMemoryStores.create();
        TenantStores acme = stores.forTenant(TENANT);
        long start = System.nanoTime();
        for (Ticket t : tickets) {
            acme.begin().save(t, 0).commit();
        }
        long loadNanos = System.nanoTime() - start;
        long withStore = usedHeap() - base;
        System.out.printf("tickets: %,d%n", count);
        System.out.printf("heap of the ticket objects alone: %,d MiB (%,d bytes per ticket)%n", ticketsOnly >> 20, ticketsOnly / count);
        System.out.printf("heap with the in-memory stores and indexes: %,d MiB (%,d bytes per ticket; index overhead %,d bytes per ticket)%n",
                withStore >> 20, withStore / count, (withStore - ticketsOnly) / count);
        System.out.printf("initial load: %,d ns per ticket (one unit of work each)%n", loadNanos / count);

        // one command's unit of work: snapshot, event, clock, timer, outbox entry; values built before timing
        int ops = 50_000;
        List<Ticket> current = tickets;
        tickets = null;
        for (int round = 0; round < 3; round++) {
            List<Ticket> befores = new ArrayList<>(ops);
            List<Ticket> afters = new ArrayList<>(ops);
            List<SlaWarned> events = new ArrayList<>(ops);
            List<SlaClockSnapshot> clocks = new ArrayList<>(ops);
            List<DueTimer> timers = new ArrayList<>(ops);
            List<OutboxEntry> entries = new ArrayList<>(ops);
            for (int i = 0; i < ops; i++) {
                int idx = (int) ((i * 7919L + round * 104729L) % count);
                Ticket before = current.get(idx);
                Ticket after = before.toBuilder().version(before.version() + 1).updatedAt(before.updatedAt().plusSeconds(1)).build();
                current.set(idx, after);
                var event = new SlaWarned(TENANT, after.id(), Party.ITSM_KIT, after.updatedAt(), before.version(), before.version(),
                        "resolution", 1, 50, after.updatedAt());
                befores.add(before);
                afters.add(after);
                events.add(event);
                clocks.add(SlaClockSnapshot.builder(TENANT, after.id(), "resolution").policy("p", 1)
                        .calendar("24x7").goal(Duration.ofHours(8)).status(ClockStatus.RUNNING).startedAt(Optional.of(T0))
                        .elapsed(Duration.ofMinutes(5), after.updatedAt()).build());
                timers.add(DueTimer.of(TENANT, after.id(), "resolution", 1, 100, after.updatedAt().plusSeconds(3600)));
                entries.add(OutboxEntry.announcing(OutboxEntryId.of("o-" + round + "-" + i), event, after.updatedAt()));
            }
            usedHeap();
            long saveNanos = commitAll(acme, befores, afters, events, clocks, timers, entries);
            int loads = 500_000;
            long[] found = {0};
            long findNanos = loadMany(acme, current, loads, found);
            int queries = 2_000;
            long foundSoFar = found[0];
            long t2 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                foundSoFar += acme.tickets().query(TicketQuery.builder().assignee(Party.person("agent" + i % 400))
                        .categories(StateCategory.OPEN).build(), 25).items().size();
            }
            long queryNanos = (System.nanoTime() - t2) / queries;
            long t3 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                foundSoFar += acme.tickets().query(TicketQuery.builder().categories(StateCategory.OPEN)
                        .orderBy(dev.itsmkit.persistence.TicketOrder.UPDATED).build(), 25).items().size();
            }
            long scanNanos = (System.nanoTime() - t3) / queries;
            int counts = 20;
            long t4 = System.nanoTime();
            for (int i = 0; i < counts; i++) {
                foundSoFar += acme.tickets().count(TicketQuery.builder().categories(StateCategory.OPEN).build());
            }
            long countAllNanos = (System.nanoTime() - t4) / counts;
            long t5 = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                foundSoFar += acme.tickets().count(TicketQuery.builder().assignee(Party.person("agent" + i % 400)).build());
            }
            long countAssigneeNanos = (System.nanoTime() - t5) / queries;
            System.out.printf("round %d: commit of a unit of work (snapshot+event+clock+timer+outbox) %,d ns; load %,d ns; "
                    + "first page of 25 by assignee (%,d candidates) %,d ns; first page of 25 by category in update order %,d ns; "
                    + "count of the open tickets %,d ns; count by assignee %,d ns [%d]%n",
                    round + 1, saveNanos, findNanos, count / 400, queryNanos, scanNanos, countAllNanos, countAssigneeNanos,
                    foundSoFar % 10);
        }
    }
}
