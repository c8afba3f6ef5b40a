package dev.itsmkit.workflow.internal;

import dev.itsmkit.core.FieldSchema;
import dev.itsmkit.core.ImpactUrgencyMatrix;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.command.CommandValidator;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.persistence.NodeId;
import dev.itsmkit.persistence.notification.OutboxDispatcher;
import dev.itsmkit.persistence.spi.Stores;
import dev.itsmkit.sla.BusinessCalendars;
import dev.itsmkit.sla.SlaEngine;
import dev.itsmkit.workflow.GroupMembership;
import dev.itsmkit.workflow.LifecycleCatalog;
import dev.itsmkit.workflow.NotificationDelivery;
import dev.itsmkit.workflow.RetryPolicy;
import dev.itsmkit.workflow.TransitionAuthorizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The checked configuration of a {@code ServiceDesk}, shared by its command engine and timer service.
 *
 * @param stores the stores
 * @param clock the clock
 * @param authorizer the authorizer
 * @param groups who belongs to which group
 * @param lifecycles the lifecycle catalogue
 * @param sla the SLA engine of tenants without their own
 * @param tenantSla tenants' own SLA engines
 * @param validator the command validator
 * @param matrix the priority matrix of tenants without their own
 * @param tenantMatrices tenants' own priority matrices
 * @param schemas tenants' field schemas per kind
 * @param retry the retry policy
 * @param node this node's id
 * @param lease the lease of timer claims
 * @param announce which events to write to the outbox besides those actions ask for
 * @param dispatcher the outbox dispatcher, if there are notifiers
 * @param delivery how and on which thread the outbox is delivered
 * @param writesOutbox whether commands write notifications to the outbox: when a notifier or an
 *     outside reader consumes it, so that nothing piles up unread
 */
public record DeskSettings(Stores stores, Clock clock, TransitionAuthorizer authorizer, GroupMembership groups,
        LifecycleCatalog lifecycles,
        SlaEngine sla, Map<TenantId, SlaEngine> tenantSla, CommandValidator validator, ImpactUrgencyMatrix matrix,
        Map<TenantId, ImpactUrgencyMatrix> tenantMatrices, Map<TenantId, Map<TicketKind, FieldSchema>> schemas,
        RetryPolicy retry, NodeId node, Duration lease, Predicate<TicketEvent> announce,
        Optional<OutboxDispatcher> dispatcher, NotificationDelivery delivery, boolean writesOutbox) {
    /**
     * Creates the settings.
     *
     * @param stores the stores
     * @param clock the clock
     * @param authorizer the authorizer
     * @param groups the group directory
     * @param lifecycles the lifecycle catalogue
     * @param sla the default SLA engine
     * @param tenantSla tenants' own SLA engines
     * @param validator the command validator
     * @param matrix the default priority matrix
     * @param tenantMatrices tenants' own matrices
     * @param schemas field schemas
     * @param retry the retry policy
     * @param node the node id
     * @param lease the claim lease
     * @param announce events to announce
     * @param dispatcher the dispatcher, if any
     * @param delivery the delivery settings
     * @param writesOutbox whether notifications are written to the outbox
     */
    public DeskSettings {
        tenantSla = Map.copyOf(tenantSla);
        tenantMatrices = Map.copyOf(tenantMatrices);
        schemas = Map.copyOf(schemas);
    }

    /**
     * The SLA engine of a desk without policies, the builder's default; the recorder skips the clocks
     * of tickets under it, since it would leave them as they are.
     */
    public static final SlaEngine NO_SLA = SlaEngine.of(BusinessCalendars.onlyAlways(), List.of());

    SlaEngine slaFor(TenantId tenant) {
        SlaEngine own = tenantSla.isEmpty() ? null : tenantSla.get(tenant);
        return own != null ? own : sla;
    }

    ImpactUrgencyMatrix matrixFor(TenantId tenant) {
        ImpactUrgencyMatrix own = tenantMatrices.isEmpty() ? null : tenantMatrices.get(tenant);
        return own != null ? own : matrix;
    }

    FieldSchema schemaFor(TenantId tenant, TicketKind kind) {
        Map<TicketKind, FieldSchema> own = schemas.isEmpty() ? null : schemas.get(tenant);
        FieldSchema schema = own == null ? null : own.get(kind);
        return schema != null ? schema : FieldSchema.OPEN;
    }
}
