package dev.itsmkit.persistence.jdbc;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.GLOBEX;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.persistence.memory.InMemoryStores;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.tck.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code TenantStores.loadForCommand} reads what the separate reads read: on PostgreSQL in one statement,
 * clocks included; on H2 in one statement and in memory from one published view, both leaving the clocks to the caller.
 */
class LoadForCommandTest {
    static Stream<String> stores() {
        return Stream.of("postgresql", "h2", "memory");
    }

    private static Stores stores(String name) {
        return switch (name) {
            case "postgresql" -> Backend.POSTGRESQL.freshStores(LoadForCommandTest.class.getSimpleName());
            case "h2" -> Backend.H2.freshStores(LoadForCommandTest.class.getSimpleName());
            default -> InMemoryStores.create();
        };
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aTicketIsLoadedWithItsLastSequenceAndItsClocks(String name) {
        TenantStores acme = stores(name).forTenant(ACME);
        Ticket v1 = Fixtures.incident(ACME, 1);
        Ticket v2 = Fixtures.next(v1, b -> b.title("Mail is slow"));
        SlaClockSnapshot response = Fixtures.clock(v2, "response", Duration.ofMinutes(5));
        SlaClockSnapshot resolution = Fixtures.clock(v2, "resolution", Duration.ofMinutes(7));
        acme.begin().save(v1, 0).append(Fixtures.event(v1, 1, T0)).commit();
        acme.begin().save(v2, 1).append(Fixtures.event(v2, 2, T0.plusSeconds(1))).save(response).save(resolution).commit();

        LoadedTicket loaded = acme.loadForCommand(v2.id()).orElseThrow();

        assertThat(loaded.ticket()).isEqualTo(acme.tickets().find(v2.id()).orElseThrow());
        assertThat(loaded.lastSequence()).isEqualTo(2).isEqualTo(acme.auditTrail().lastSequence(v2.id()));
        if (name.equals("h2")) {
            // on H2 the one statement reads the snapshot and the last event; the clocks are left to the caller
            assertThat(loaded.clocks()).isEmpty();
        } else {
            // PostgreSQL in the same statement as the ticket, the in-memory store from the view its last commit published
            assertThat(loaded.clocks()).contains(acme.clocks().forTicket(v2.id()));
            assertThat(loaded.clocks().orElseThrow()).extracting(SlaClockSnapshot::target).containsExactly("resolution", "response");
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aTicketWithoutEventsOrClocksHasSequenceZeroAndNoClocks(String name) {
        TenantStores acme = stores(name).forTenant(ACME);
        Ticket v1 = Fixtures.incident(ACME, 1);
        acme.begin().save(v1, 0).commit();

        LoadedTicket loaded = acme.loadForCommand(v1.id()).orElseThrow();

        assertThat(loaded.ticket()).isEqualTo(v1);
        assertThat(loaded.lastSequence()).isZero();
        assertThat(loaded.clocks().orElse(List.of())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aMissingTicketOrAnotherTenantsIsNotLoaded(String name) {
        Stores stores = stores(name);
        Ticket theirs = Fixtures.incident(GLOBEX, 1);
        stores.forTenant(GLOBEX).begin().save(theirs, 0).append(Fixtures.event(theirs, 1, T0)).commit();

        assertThat(stores.forTenant(ACME).loadForCommand(theirs.id())).isEqualTo(Optional.empty());
        assertThat(stores.forTenant(ACME).loadForCommand(TicketId.of("nothing"))).isEmpty();
        assertThat(stores.forTenant(GLOBEX).loadForCommand(theirs.id())).isPresent();
    }
}
