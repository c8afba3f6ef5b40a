package dev.itsmkit.persistence.tck;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static dev.itsmkit.persistence.tck.Fixtures.clock;
import static dev.itsmkit.persistence.tck.Fixtures.event;
import static dev.itsmkit.persistence.tck.Fixtures.incident;
import static dev.itsmkit.persistence.tck.Fixtures.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.persistence.ConcurrentUpdateException;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TenantStores#loadForCommand}, which a command engine uses to read a ticket before it
 * changes it: what it returns equals what the separate reads return (snapshot, last sequence, and the clocks if it
 * reads them), it comes from one commit (never the snapshot of one commit with the sequence or clocks of another,
 * even while other threads commit), and it never reads another tenant's ticket, whatever the ids.
 *
 * <p>The SPI's default implementation reads the sequence and then the snapshot in two reads, so it fails
 * {@link #loadsAreConsistentUnderConcurrentCommits()}: an adapter overrides it to read from one consistent view.
 */
public abstract class LoadForCommandContract extends StoresContract {
    /** Creates the contract. */
    protected LoadForCommandContract() {}

    /**
     * Tells how many commits each writer thread of {@link #loadsAreConsistentUnderConcurrentCommits()} makes.
     *
     * @return 60 unless overridden
     */
    protected int commitsPerWriter() {
        return 60;
    }

    /** Loads a ticket and checks it against the separate reads of the same stores. */
    private static LoadedTicket loadAndCompare(TenantStores stores, TicketId id) {
        LoadedTicket loaded = stores.loadForCommand(id).orElseThrow();
        assertThat(loaded.ticket()).isEqualTo(stores.tickets().find(id).orElseThrow());
        assertThat(loaded.lastSequence()).isEqualTo(stores.auditTrail().lastSequence(id));
        loaded.clocks().ifPresent(clocks -> assertThat(clocks).containsExactlyElementsOf(stores.clocks().forTicket(id)));
        return loaded;
    }

    /** A ticket that does not exist loads as empty, even when another ticket of the tenant has events and clocks. */
    @Test
    public void anAbsentTicketLoadsAsEmpty() {
        Ticket t = incident(ACME, 1);
        acme().begin().save(t, 0).append(event(t, 1, T0)).save(clock(t, "resolution", Duration.ZERO)).commit();
        assertThat(acme().loadForCommand(TicketId.of("inc-2"))).isEmpty();
        // events and clocks without a snapshot (an engine never writes them, a unit of work may) are no ticket
        Ticket ghost = incident(ACME, 3);
        append(ACME, event(ghost, 1, T0));
        assertThat(acme().loadForCommand(ghost.id())).isEmpty();
    }

    /** What is loaded equals what the separate reads return: snapshot, last sequence and, if read, the clocks. */
    @Test
    public void whatIsLoadedEqualsWhatTheSeparateReadsReturn() {
        Ticket quiet = incident(ACME, 1);
        create(quiet);
        LoadedTicket none = loadAndCompare(acme(), quiet.id());
        assertThat(none.lastSequence()).isZero();
        none.clocks().ifPresent(clocks -> assertThat(clocks).isEmpty());

        Ticket v1 = incident(ACME, 2);
        Ticket v2 = next(v1, b -> b.title("Mail is slow"));
        Ticket neighbour = incident(ACME, 3);
        acme().begin().save(v1, 0).append(event(v1, 1, T0)).save(clock(v1, "response", Duration.ZERO)).commit();
        acme().begin().save(v2, 1).append(event(v2, 2, T0)).append(event(v2, 3, T0))
                .save(clock(v2, "resolution", Duration.ofMinutes(7))).save(clock(v2, "response", Duration.ofMinutes(5)))
                .save(neighbour, 0).append(event(neighbour, 1, T0)).save(clock(neighbour, "resolution", Duration.ofHours(1)))
                .commit();
        LoadedTicket loaded = loadAndCompare(acme(), v2.id());
        assertThat(loaded.ticket()).isEqualTo(v2);
        assertThat(loaded.lastSequence()).isEqualTo(3);
        loaded.clocks().ifPresent(clocks -> assertThat(clocks).containsExactly(
                clock(v2, "resolution", Duration.ofMinutes(7)), clock(v2, "response", Duration.ofMinutes(5))));
        assertThat(loadAndCompare(acme(), neighbour.id()).lastSequence()).isEqualTo(1);
    }

    /** A load after a commit sees that commit; a refused commit changes nothing that is loaded. */
    @Test
    public void aLoadSeesTheLastCommitAndNotARefusedOne() {
        Ticket v1 = incident(ACME, 1);
        create(v1);
        Ticket v2 = next(v1, b -> b.title("second"));
        acme().begin().save(v2, 1).append(event(v2, 1, T0)).commit();
        LoadedTicket before = loadAndCompare(acme(), v1.id());
        assertThat(before.ticket()).isEqualTo(v2);
        assertThat(before.lastSequence()).isEqualTo(1);
        // the stale writer loses; what is loaded must not show any of its writes
        assertThatThrownBy(() -> acme().begin().save(next(v1, b -> b.title("stale")), 1).append(event(v1, 2, T0)).commit())
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(loadAndCompare(acme(), v1.id())).isEqualTo(before);
    }

    /** Another tenant's stores load nothing by this tenant's ids, and their own ticket of the same id. */
    @Test
    public void anotherTenantLoadsNothingOfThisOne() {
        Ticket mine = incident(ACME, 1);
        acme().begin().save(mine, 0).append(event(mine, 1, T0)).append(event(mine, 2, T0))
                .save(clock(mine, "resolution", Duration.ofMinutes(3))).commit();
        assertThat(globex().loadForCommand(mine.id())).isEmpty();

        Ticket theirs = incident(GLOBEX, 1).toBuilder().title("theirs").build();
        create(theirs);
        LoadedTicket loaded = loadAndCompare(globex(), theirs.id());
        assertThat(loaded.ticket()).isEqualTo(theirs);
        assertThat(loaded.lastSequence()).isZero();
        loaded.clocks().ifPresent(clocks -> assertThat(clocks).isEmpty());
        assertThat(loadAndCompare(acme(), mine.id()).lastSequence()).isEqualTo(2);
    }

    /**
     * Tenants and ids whose concatenations collide ({@code acme} + {@code x:inc-1} and {@code acme:x} +
     * {@code inc-1}), or that differ by a character that is a wildcard in SQL's LIKE, load only their own ticket.
     */
    @Test
    public void hostileTenantAndTicketIdsLoadOnlyTheirOwnTicket() {
        TenantId acmeColonX = TenantId.of("acme:x");
        TenantId acmeUnderscore = TenantId.of("acme_");
        TenantId acm = TenantId.of("acm");
        TicketNumber number = new TicketNumber(TicketKind.INCIDENT, 1);
        Ticket a = Ticket.builder(ACME, TicketId.of("x:inc-1"), number).title("acme x:inc-1").state(Fixtures.NEW)
                .requester(Party.person("alice")).createdAt(T0).updatedAt(T0).build();
        Ticket b = Fixtures.ticket(acmeColonX, number, T0).toBuilder().title("acme:x inc-1").build();
        Ticket c = Fixtures.ticket(acmeUnderscore, number, T0).toBuilder().title("acme_ inc-1").build();
        stores.forTenant(ACME).begin().save(a, 0).append(event(a, 1, T0)).save(clock(a, "resolution", Duration.ZERO)).commit();
        stores.forTenant(acmeColonX).begin().save(b, 0).append(event(b, 1, T0)).append(event(b, 2, T0)).commit();
        create(c);

        assertThat(loadAndCompare(stores.forTenant(ACME), a.id()).ticket()).isEqualTo(a);
        assertThat(loadAndCompare(stores.forTenant(acmeColonX), b.id()))
                .satisfies(l -> assertThat(l.ticket()).isEqualTo(b))
                .satisfies(l -> assertThat(l.lastSequence()).isEqualTo(2))
                .satisfies(l -> l.clocks().ifPresent(clocks -> assertThat(clocks).isEmpty()));
        assertThat(loadAndCompare(stores.forTenant(acmeUnderscore), c.id()).lastSequence()).isZero();
        assertThat(stores.forTenant(ACME).loadForCommand(b.id())).isEmpty();
        assertThat(stores.forTenant(acmeColonX).loadForCommand(a.id())).isEmpty();
        assertThat(stores.forTenant(acm).loadForCommand(c.id())).isEmpty();
        assertThat(stores.forTenant(acm).loadForCommand(a.id())).isEmpty();
        assertThat(stores.forTenant(TenantId.of("acme_x")).loadForCommand(b.id())).isEmpty();
    }

    /**
     * While writers commit (each commit: version {@code v}, event {@code v - 1}, the clock at {@code v} minutes), a
     * reader's every load is of one commit: the last sequence is the snapshot's version less one, and the clocks, if
     * read, are those of the same commit. Loads of one reader never go back in time.
     *
     * @throws Exception if a thread fails or times out
     */
    @Test
    public void loadsAreConsistentUnderConcurrentCommits() throws Exception {
        Ticket v1 = incident(ACME, 1);
        acme().begin().save(v1, 0).save(clock(v1, "resolution", Duration.ofMinutes(1))).commit();
        int writers = 3;
        int perWriter = commitsPerWriter();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger(writers);
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writing.add(pool.submit(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perWriter; i++) {
                            while (true) {
                                LoadedTicket loaded = acme().loadForCommand(v1.id()).orElseThrow();
                                Ticket current = loaded.ticket();
                                Ticket updated = next(current, b -> b.title("commit " + (current.version() + 1)));
                                try {
                                    acme().begin().save(updated, current.version())
                                            .append(event(updated, loaded.lastSequence() + 1, T0))
                                            .save(clock(updated, "resolution", Duration.ofMinutes(updated.version())))
                                            .commit();
                                    break;
                                } catch (ConcurrentUpdateException e) {
                                    // another writer committed between the load and this commit: load again
                                }
                            }
                        }
                        return null;
                    } finally {
                        running.decrementAndGet();
                    }
                }));
            }
            Future<Integer> reading = pool.submit(() -> {
                start.await();
                int loads = 0;
                long lastVersion = 0;
                while (running.get() > 0 || loads == 0) {
                    LoadedTicket loaded = acme().loadForCommand(v1.id()).orElseThrow();
                    long version = loaded.ticket().version();
                    assertThat(loaded.lastSequence()).as("the last sequence loaded with version %d", version)
                            .isEqualTo(version - 1);
                    assertThat(loaded.ticket().title()).isEqualTo(version == 1 ? v1.title() : "commit " + version);
                    loaded.clocks().ifPresent(clocks -> assertThat(clocks).as("the clocks loaded with version %d", version)
                            .containsExactly(clock(v1, "resolution", Duration.ofMinutes(version))));
                    assertThat(version).as("a later load").isGreaterThanOrEqualTo(lastVersion);
                    lastVersion = version;
                    loads++;
                }
                return loads;
            });
            start.countDown();
            for (Future<?> f : writing) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertThat(reading.get(120, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        LoadedTicket last = loadAndCompare(acme(), v1.id());
        assertThat(last.ticket().version()).isEqualTo(1L + (long) writers * perWriter);
        assertThat(last.lastSequence()).isEqualTo((long) writers * perWriter);
        assertThat(acme().auditTrail().verify(v1.id()).intact()).isTrue();
        assertThat(acme().clocks().forTicket(v1.id())).containsExactly(clock(v1, "resolution",
                Duration.ofMinutes(last.ticket().version())));
    }
}
