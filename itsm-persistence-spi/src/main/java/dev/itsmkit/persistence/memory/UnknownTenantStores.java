package dev.itsmkit.persistence.memory;

import static java.util.Objects.requireNonNull;

import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.TicketKind;
import dev.itsmkit.core.TicketNumber;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.core.timing.DueTimer;
import dev.itsmkit.core.timing.SlaClockSnapshot;
import dev.itsmkit.core.timing.TimerId;
import dev.itsmkit.persistence.AuditRecord;
import dev.itsmkit.persistence.ChainVerification;
import dev.itsmkit.persistence.Cursor;
import dev.itsmkit.persistence.Page;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.AuditTrail;
import dev.itsmkit.persistence.spi.LoadedTicket;
import dev.itsmkit.persistence.spi.Outbox;
import dev.itsmkit.persistence.spi.SlaClockStore;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.spi.TicketNumbers;
import dev.itsmkit.persistence.spi.TicketStore;
import dev.itsmkit.persistence.spi.TimerStore;
import dev.itsmkit.persistence.spi.UnitOfWork;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stores of a tenant that had no data when they were asked for: a throw-away view that keeps
 * nothing, so that reads of unknown or hostile tenant ids allocate no lasting state. Every call looks
 * the tenant up again: once a write (a commit, a number taken) has created the tenant's data, the
 * call goes to it; until then reads answer from an empty, never-written data set.
 */
final class UnknownTenantStores implements TenantStores {
    private final TenantId tenant;
    private final InMemoryStores root;
    /** The tenant's data once a write created it: from then on calls go straight to it. */
    private volatile @Nullable InMemoryTenantStores data;

    UnknownTenantStores(TenantId tenant, InMemoryStores root) {
        this.tenant = tenant;
        this.root = root;
    }

    /** The tenant's data if it exists by now, else the shared empty data (for reads only). */
    private InMemoryTenantStores source() {
        InMemoryTenantStores d = data();
        return d != null ? d : root.empty;
    }

    private @Nullable InMemoryTenantStores data() {
        InMemoryTenantStores d = data;
        if (d == null) {
            d = root.existing(tenant);
            if (d != null) {
                data = d;
            }
        }
        return d;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public TicketStore tickets() {
        InMemoryTenantStores d = data();
        if (d != null) {
            return d.tickets();
        }
        return new TicketStore() {
            @Override
            public Optional<Ticket> find(TicketId id) {
                return source().tickets().find(id);
            }

            @Override
            public Optional<Ticket> findByNumber(TicketNumber number) {
                return source().tickets().findByNumber(number);
            }

            @Override
            public Page<Ticket> query(TicketQuery query, int limit) {
                return source().tickets().query(query, limit);
            }

            @Override
            public Page<Ticket> query(TicketQuery query, Cursor after, int limit) {
                return source().tickets().query(query, after, limit);
            }

            @Override
            public long count(TicketQuery query) {
                return source().tickets().count(query);
            }
        };
    }

    @Override
    public AuditTrail auditTrail() {
        InMemoryTenantStores d = data();
        if (d != null) {
            return d.auditTrail();
        }
        return new AuditTrail() {
            @Override
            public List<AuditRecord> forTicket(TicketId ticket) {
                return source().auditTrail().forTicket(ticket);
            }

            @Override
            public List<AuditRecord> forTicket(TicketId ticket, long fromSequence) {
                return source().auditTrail().forTicket(ticket, fromSequence);
            }

            @Override
            public long lastSequence(TicketId ticket) {
                return source().auditTrail().lastSequence(ticket);
            }

            @Override
            public Page<AuditRecord> between(TimeWindow window, int limit) {
                return source().auditTrail().between(window, limit);
            }

            @Override
            public Page<AuditRecord> between(TimeWindow window, Cursor after, int limit) {
                return source().auditTrail().between(window, after, limit);
            }

            @Override
            public ChainVerification verify(TicketId ticket) {
                return source().auditTrail().verify(ticket);
            }
        };
    }

    @Override
    public SlaClockStore clocks() {
        InMemoryTenantStores d = data();
        if (d != null) {
            return d.clocks();
        }
        return new SlaClockStore() {
            @Override
            public List<SlaClockSnapshot> forTicket(TicketId ticket) {
                return source().clocks().forTicket(ticket);
            }

            @Override
            public Optional<SlaClockSnapshot> find(TicketId ticket, String target, int cycle) {
                return source().clocks().find(ticket, target, cycle);
            }
        };
    }

    @Override
    public TimerStore timers() {
        InMemoryTenantStores d = data();
        if (d != null) {
            return d.timers();
        }
        // timers live in the shared timer table, keyed by tenant: reading them allocates nothing lasting
        return new TimerStore() {
            @Override
            public Optional<DueTimer> find(TimerId id) {
                return root.timers.find(tenant, requireNonNull(id, "id"));
            }

            @Override
            public List<DueTimer> forTicket(TicketId ticket) {
                // scheduling a timer creates the tenant's data: a tenant without it has none, unless created since
                return source().timers().forTicket(requireNonNull(ticket, "ticket"));
            }
        };
    }

    @Override
    public Outbox outbox() {
        InMemoryTenantStores d = data();
        if (d != null) {
            return d.outbox();
        }
        return new Outbox() {
            @Override
            public List<OutboxEntry> forTicket(TicketId ticket) {
                return source().outbox().forTicket(ticket);
            }
        };
    }

    @Override
    public TicketNumbers numbers() {
        InMemoryTenantStores d = data();
        if (d != null) {
            return d.numbers();
        }
        // taking a number is a write: it creates the tenant's data
        return new TicketNumbers() {
            @Override
            public TicketNumber next(TicketKind kind) {
                return root.forWrite(tenant).numbers().next(kind);
            }
        };
    }

    @Override
    public Optional<LoadedTicket> loadForCommand(TicketId ticket) {
        InMemoryTenantStores d = data();
        // once the tenant's data exists, its lock-free read; before, the tenant has no ticket
        return d != null ? d.loadForCommand(requireNonNull(ticket, "ticket")) : Optional.empty();
    }

    @Override
    public UnitOfWork begin() {
        return new InMemoryUnitOfWork(root, tenant, data());
    }
}
