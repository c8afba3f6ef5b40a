package dev.itsmkit.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsmkit.core.ConfigurationItemId;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.Priority;
import dev.itsmkit.core.ServiceId;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import dev.itsmkit.persistence.jdbc.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL plans of the common ticket queries, on 60,000 tickets of 20 tenants made with
 * {@code generate_series} (the snapshots are placeholders: EXPLAIN does not read them). Each plan must
 * use an index of the tickets (no sequential scan of {@code itsm_ticket}); the plans are written to
 * {@code target/query-plans.md} for {@code docs/persistence-jdbc.md}.
 */
class QueryPlansTest {
    private static final TenantId TENANT = TenantId.of("tenant-7");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static final String[] FILL = {
        "INSERT INTO itsm_ticket (tenant, id, kind, number_seq, version, state_name, state_category, priority, assignee,"
            + " assignment_group, service, created_s, created_n, updated_s, updated_n, snapshot)"
            + " SELECT 'tenant-' || (g % 20), 'inc-' || g, 0, g, 1, 'S',"
            + " (ARRAY['NEW','OPEN','PENDING','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED','CANCELLED','CLOSED'])[1 + g % 10],"
            + " 1 + g % 5, 'PERSON:agent' || (g % 400), 'GROUP:group' || (g % 40), 'svc' || (g % 100),"
            + " 1767603600 + g * 60, 0, 1767603600 + g * 60 + (g % 7) * 3600, 0, '{}'::jsonb FROM generate_series(1, 60000) g",
        "INSERT INTO itsm_ticket_ci (tenant, ticket_id, ci) SELECT 'tenant-' || (g % 20), 'inc-' || g, 'ci' || (g % 5000)"
            + " FROM generate_series(1, 60000) g",
        "INSERT INTO itsm_ticket_field (tenant, ticket_id, name, value_hash) SELECT 'tenant-' || (g % 20), 'inc-' || g, 'site',"
            + " md5('site' || (g % 50)) || md5('x' || (g % 50)) FROM generate_series(1, 60000) g",
        "INSERT INTO itsm_ticket_field (tenant, ticket_id, name, value_hash) SELECT 'tenant-' || (g % 20), 'inc-' || g, 'title',"
            + " md5('t' || g) || md5('u' || g) FROM generate_series(1, 60000) g",
        "INSERT INTO itsm_event (tenant, ticket_id, seq, at_s, at_n, event, previous_hash, hash) SELECT 'tenant-' || (g % 20),"
            + " 'inc-' || g, s, 1767603600 + g * 60 + s, 0, '{}'::jsonb, md5('p' || g), md5('h' || g)"
            + " FROM generate_series(1, 60000) g, generate_series(1, 3) s",
        "INSERT INTO itsm_sla_clock (tenant, ticket_id, target, cycle, clock) SELECT 'tenant-' || (g % 20), 'inc-' || g,"
            + " 'resolution', 1, '{}'::jsonb FROM generate_series(1, 60000) g",
        "ANALYZE"
    };

    @Test
    void theCommonQueriesUseIndexes() throws SQLException, IOException {
        DataSource ds = Backend.POSTGRESQL.database("query_plans");
        Backend.POSTGRESQL.empty(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : FILL) {
                s.execute(sql);
            }
        }
        Instant from = T0.plusSeconds(60L * 30_000);
        Map<String, TicketQuery> queries = new LinkedHashMap<>();
        queries.put("open work of an assignee, by last update", TicketQuery.builder().assignee(Party.person("agent7"))
                .categories(StateCategory.NEW, StateCategory.OPEN, StateCategory.PENDING).orderBy(TicketOrder.UPDATED).build());
        queries.put("a group's queue, by number", TicketQuery.builder().assignmentGroup(Party.group("group7"))
                .categories(StateCategory.NEW, StateCategory.OPEN).build());
        queries.put("state category, by last update", TicketQuery.builder().categories(StateCategory.PENDING)
                .orderBy(TicketOrder.UPDATED).build());
        queries.put("priority 1 and 2 that are open", TicketQuery.builder().priorities(List.of(Priority.of(1), Priority.of(2)))
                .categories(StateCategory.OPEN).build());
        queries.put("tickets of a service", TicketQuery.builder().service(ServiceId.of("svc7")).build());
        queries.put("tickets of a configuration item", TicketQuery.builder().configurationItem(ConfigurationItemId.of("ci7")).build());
        queries.put("created in a window, by creation", TicketQuery.builder().createdIn(new TimeWindow(from, from.plusSeconds(86_400)))
                .orderBy(TicketOrder.CREATED).build());
        queries.put("updated in a window, by last update", TicketQuery.builder().updatedIn(new TimeWindow(from, from.plusSeconds(86_400)))
                .orderBy(TicketOrder.UPDATED).build());
        queries.put("a custom field's value", TicketQuery.builder().field("site", FieldValue.of("berlin")).build());
        StringBuilder doc = new StringBuilder();
        List<String> seqScans = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (Map.Entry<String, TicketQuery> q : queries.entrySet()) {
                TicketQueries.Statement statement = TicketQueries.page(TENANT, q.getValue(), null, 51);
                String plan = explain(c, statement);
                doc.append("#### ").append(q.getKey()).append("\n\n```sql\n").append(statement.sql()).append("\n```\n\n```\n")
                        .append(plan).append("```\n\n");
                if (plan.contains("Seq Scan on itsm_ticket ")) {
                    seqScans.add(q.getKey() + ":\n" + plan);
                }
            }
            TicketQueries.Statement count = TicketQueries.count(TENANT, queries.get("open work of an assignee, by last update"));
            doc.append("#### counting an assignee's open work\n\n```sql\n").append(count.sql()).append("\n```\n\n```\n")
                    .append(explain(c, count)).append("```\n");
        }
        String load;
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) " + JdbcTenantStores.LOAD_FOR_COMMAND_POSTGRESQL)) {
            ps.setString(1, TENANT.value());
            ps.setString(2, "inc-7");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            load = plan.toString();
        }
        doc.append("\n#### a command's read of a ticket, its trail's head and its clocks\n\n```sql\n")
                .append(JdbcTenantStores.LOAD_FOR_COMMAND_POSTGRESQL).append("\n```\n\n```\n").append(load).append("```\n");
        Path out = Path.of("target/query-plans.md");
        Files.writeString(out, doc.toString());
        assertThat(seqScans).isEmpty();
        assertThat(load).contains("itsm_ticket_pk", "itsm_event_pk", "itsm_sla_clock_pk").doesNotContain("Seq Scan");
    }

    private static String explain(Connection c, TicketQueries.Statement statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) " + statement.sql())) {
            statement.bind(ps);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
