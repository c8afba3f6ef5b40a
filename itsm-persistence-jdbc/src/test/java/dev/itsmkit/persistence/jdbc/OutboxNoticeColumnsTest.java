package dev.itsmkit.persistence.jdbc;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static dev.itsmkit.persistence.tck.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.event.TicketEvent;
import dev.itsmkit.core.outbox.Notice;
import dev.itsmkit.core.outbox.OutboxEntry;
import dev.itsmkit.persistence.tck.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The V6 columns of {@code itsm_outbox} hold each entry's notice, for the application's own queries;
 * an announcement leaves them empty.
 */
class OutboxNoticeColumnsTest {
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theNoticeOfEachEntryIsInItsColumnsAndAnAnnouncementLeavesThemNull(Backend backend) throws SQLException {
        JdbcStores stores = backend.freshStores("outbox_notice_columns");
        DataSource ds = backend.database("outbox_notice_columns");
        Ticket ticket = Fixtures.incident(ACME, 1);
        TicketEvent event = Fixtures.event(ticket, 3, T0);
        OutboxEntry announced = Fixtures.entry(event);
        OutboxEntry named = Fixtures.entry(event, Notice.named("incident-resolved"));
        OutboxEntry paged = Fixtures.entry(event, Notice.of("sla-breached", "pager", Party.group("network"),
                Party.person("a.b@c:d")));
        stores.forTenant(ACME).begin().enqueue(announced).enqueue(named).enqueue(paged).commit();

        assertThat(rows(ds)).containsExactly(
                Arrays.asList(announced.id().value(), null, null, null),
                Arrays.asList(named.id().value(), "incident-resolved", null, ""),
                Arrays.asList(paged.id().value(), "sla-breached", "pager", "GROUP:network,PERSON:a.b@c:d"));
        assertThat(stores.forTenant(ACME).outbox().forTicket(ticket.id())).containsExactly(announced, named, paged);
    }

    private static List<List<String>> rows(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT entry_id, notice_name, notice_channel, notice_recipients FROM itsm_outbox ORDER BY position");
                ResultSet rs = ps.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return rows;
        }
    }
}
