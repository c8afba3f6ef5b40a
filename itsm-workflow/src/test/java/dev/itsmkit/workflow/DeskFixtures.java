package dev.itsmkit.workflow;

import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.OpenTicket;
import dev.itsmkit.core.command.TransitionTicket;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Commands and a picture of the stores, for the engine's tests. */
final class DeskFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final TenantId ACME = TenantId.of("acme");
    static final Party ALICE = Party.person("alice");
    static final Party BOB = Party.person("bob");
    static final Party SERVICE_DESK = Party.group("service-desk");

    private DeskFixtures() {}

    static OpenTicket open(TicketKind kind, String title) {
        return OpenTicket.builder(ACME, ALICE, kind, title).build();
    }

    static TransitionTicket transition(TicketId ticket, String name) {
        return transition(ticket, name, Map.of());
    }

    static TransitionTicket transition(TicketId ticket, String name, Map<String, FieldValue> fields) {
        return new TransitionTicket(ACME, ALICE, ticket, OptionalLong.empty(), name, fields, Optional.empty());
    }

    /**
     * An authorizer that lets every actor run every command except those needing one of the
     * withheld permissions, and grants the other permissions (guards, deciding on behalf) as given.
     */
    static TransitionAuthorizer commandsPermitted(Map<Party, Set<String>> grants, String... withheld) {
        Set<String> refused = Set.of(withheld);
        TransitionAuthorizer granted = TransitionAuthorizer.granting(grants);
        return (actor, permission, ticket) -> CommandPermissions.ALL.contains(permission) && !refused.contains(permission)
                || granted.permits(actor, permission, ticket);
    }

    static Map<String, FieldValue> resolution() {
        return Map.of("resolutionCode", new FieldValue.Text("fixed"), "resolutionNotes", new FieldValue.Text("Restarted the service"));
    }

    /**
     * Everything the stores hold for a tenant: each ticket with its trail, clocks, timers and
     * outbox entries. Two pictures are equal exactly when nothing was written in between.
     */
    static List<Object> picture(ServiceDesk desk, TenantId tenant) {
        TenantStores stores = desk.stores().forTenant(tenant);
        List<Object> picture = new ArrayList<>();
        for (Ticket t : stores.tickets().query(TicketQuery.all(), 10_000).items()) {
            TicketId id = t.id();
            picture.add(List.of(t, stores.auditTrail().forTicket(id), stores.clocks().forTicket(id), stores.timers().forTicket(id),
                    stores.outbox().forTicket(id)));
        }
        return picture;
    }
}
