package dev.itsmkit.persistence.jdbc;

import static dev.itsmkit.persistence.tck.Fixtures.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketId;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.spi.TenantStores;
import dev.itsmkit.persistence.tck.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, an update whose configuration items and fields are those the replaced version was written
 * with sends no statement for the index rows (the stores remember what they wrote with each version); these
 * tests check that the rows stay right whichever node wrote the version an update replaces.
 */
class IndexRowsTest {
    private DataSource ds;
    private JdbcStores node;
    private JdbcStores otherNode;

    @BeforeEach
    void freshDatabase() {
        node = Backend.POSTGRESQL.freshStores(getClass().getSimpleName());
        ds = Backend.POSTGRESQL.database(getClass().getSimpleName());
        otherNode = JdbcStores.builder(ds).dialect(JdbcDialect.POSTGRESQL).build();
    }

    private static Ticket save(TenantStores stores, Ticket ticket) {
        stores.begin().save(ticket, ticket.version() - 1).commit();
        return ticket;
    }

    private static Ticket withIndexRows(Ticket t, String site, String... items) {
        return Fixtures.next(t, b -> indexRows(b, site, items));
    }

    private static Ticket first(String site, String... items) {
        return indexRows(Fixtures.incident(ACME, 1).toBuilder(), site, items).build();
    }

    private static Ticket.Builder indexRows(Ticket.Builder b, String site, String... items) {
        return b.field("site", Optional.of(FieldValue.of(site)))
                .configurationItems(List.of(items).stream().map(ConfigurationItemId::of).toList());
    }

    private List<String> rows(TicketId ticket) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 'ci ' || ci FROM itsm_ticket_ci WHERE ticket_id = ?"
                        + " UNION ALL SELECT 'field ' || name || ' ' || value_hash FROM itsm_ticket_field WHERE ticket_id = ?"
                        + " ORDER BY 1")) {
            ps.setString(1, ticket.value());
            ps.setString(2, ticket.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    /** The rows a fresh database holds after writing only this ticket: what every update must leave behind. */
    private List<String> rowsOfFreshWrite(Ticket t) throws SQLException {
        JdbcStores fresh = Backend.POSTGRESQL.freshStores(getClass().getSimpleName());
        fresh.forTenant(ACME).begin().save(t.toBuilder().version(1).build(), 0).commit();
        List<String> rows = rows(t.id());
        Backend.POSTGRESQL.empty(ds);
        return rows;
    }

    @Test
    void anUpdateThatKeepsTheIndexRowsLeavesThemAsTheyWere() throws SQLException {
        TenantStores acme = node.forTenant(ACME);
        Ticket v1 = save(acme, first("berlin", "ci1", "ci2"));
        List<String> written = rows(v1.id());
        Ticket v2 = save(acme, Fixtures.next(v1, b -> b.state(Fixtures.IN_PROGRESS)));

        assertThat(written).contains("ci ci1", "ci ci2");
        assertThat(rows(v2.id())).isEqualTo(written);
        assertThat(acme.tickets().query(TicketQuery.builder().field("site", FieldValue.of("berlin")).build(), 10).items())
                .containsExactly(v2);
        assertThat(acme.tickets().query(TicketQuery.builder().configurationItem(ConfigurationItemId.of("ci2")).build(), 10)
                .items()).containsExactly(v2);
    }

    @Test
    void anUpdateThatChangesTheIndexRowsReplacesThem() throws SQLException {
        TenantStores acme = node.forTenant(ACME);
        Ticket v1 = save(acme, first("berlin", "ci1", "ci2"));
        Ticket v2 = save(acme, withIndexRows(v1, "paris", "ci2", "ci3"));

        assertThat(acme.tickets().query(TicketQuery.builder().field("site", FieldValue.of("berlin")).build(), 10).items())
                .isEmpty();
        assertThat(acme.tickets().query(TicketQuery.builder().field("site", FieldValue.of("paris")).build(), 10).items())
                .containsExactly(v2);
        assertThat(acme.tickets().query(TicketQuery.builder().configurationItem(ConfigurationItemId.of("ci1")).build(), 10)
                .items()).isEmpty();
        assertThat(acme.tickets().query(TicketQuery.builder().configurationItem(ConfigurationItemId.of("ci3")).build(), 10)
                .items()).containsExactly(v2);
        List<String> after = rows(v2.id());
        assertThat(after).isEqualTo(rowsOfFreshWrite(v2));
    }

    @Test
    void aVersionAnotherNodeWroteIsNotTakenForOneThisNodeRemembers() throws SQLException {
        TenantStores acme = node.forTenant(ACME);
        TenantStores other = otherNode.forTenant(ACME);
        Ticket v1 = save(acme, first("berlin", "ci1"));
        // the other node changes the rows; this node still remembers version 1's
        Ticket v2 = save(other, withIndexRows(v1, "paris", "ci2"));
        // this node writes version 3 with version 1's rows again: they differ from version 2's, which it never saw
        Ticket v3 = save(acme, withIndexRows(v2, "berlin", "ci1"));

        assertThat(acme.tickets().query(TicketQuery.builder().field("site", FieldValue.of("berlin")).build(), 10).items())
                .containsExactly(v3);
        assertThat(acme.tickets().query(TicketQuery.builder().field("site", FieldValue.of("paris")).build(), 10).items())
                .isEmpty();
        assertThat(acme.tickets().query(TicketQuery.builder().configurationItem(ConfigurationItemId.of("ci2")).build(), 10)
                .items()).isEmpty();
        assertThat(rows(v3.id())).isEqualTo(rowsOfFreshWrite(v3));
    }
}
