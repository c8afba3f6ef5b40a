package dev.itsmkit.persistence.jdbc.tck;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.jackson.ItsmJson;
import dev.itsmkit.persistence.jdbc.Backend;
import dev.itsmkit.persistence.tck.StorageTampering;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/** Edits the stored trail behind the stores' back, as someone with access to the database would. */
final class Tampering implements StorageTampering {
    private final Backend backend;
    private final DataSource ds;

    Tampering(Backend backend, DataSource ds) {
        this.backend = backend;
        this.ds = ds;
    }

    @Override
    public void replaceEvent(TenantId tenant, TicketId ticket, long sequence, TicketEvent forged) {
        String json;
        try {
            json = ItsmJson.mapper().writeValueAsString(forged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        update("UPDATE itsm_event SET event = ? WHERE tenant = ? AND ticket_id = ? AND seq = ?", json, true, tenant, ticket, sequence);
    }

    @Override
    public void deleteEvent(TenantId tenant, TicketId ticket, long sequence) {
        update("DELETE FROM itsm_event WHERE tenant = ? AND ticket_id = ? AND seq = ?", null, false, tenant, ticket, sequence);
    }

    @Override
    public void replaceStoredHash(TenantId tenant, TicketId ticket, long sequence, String forgedHash) {
        update("UPDATE itsm_event SET hash = ? WHERE tenant = ? AND ticket_id = ? AND seq = ?", forgedHash, false, tenant, ticket, sequence);
    }

    private void update(String sql, String value, boolean json, TenantId tenant, TicketId ticket, long sequence) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (value != null) {
                if (json && backend == Backend.POSTGRESQL) {
                    ps.setObject(i++, value, Types.OTHER);
                } else {
                    ps.setString(i++, value);
                }
            }
            ps.setString(i++, tenant.value());
            ps.setString(i++, ticket.value());
            ps.setLong(i, sequence);
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("no event " + sequence + " of " + ticket + " to tamper with");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
