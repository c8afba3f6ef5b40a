package dev.itsmkit.persistence.jdbc.tck;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.jackson.ItsmJson;
import dev.itsmkit.persistence.jdbc.Backend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/** Edits a stored event behind the stores' back, as someone with access to the database would. */
final class Tampering {
    private Tampering() {}

    static void replaceEvent(Backend backend, DataSource ds, TenantId tenant, TicketId ticket, long sequence, TicketEvent forged) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE itsm_event SET event = ? WHERE tenant = ? AND ticket_id = ? AND seq = ?")) {
            String json = ItsmJson.mapper().writeValueAsString(forged);
            if (backend == Backend.POSTGRESQL) {
                ps.setObject(1, json, Types.OTHER);
            } else {
                ps.setString(1, json);
            }
            ps.setString(2, tenant.value());
            ps.setString(3, ticket.value());
            ps.setLong(4, sequence);
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("no event " + sequence + " of " + ticket + " to tamper with");
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
