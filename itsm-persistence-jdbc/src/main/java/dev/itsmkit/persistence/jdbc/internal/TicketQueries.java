package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.persistence.spi.CursorTokens;
import dev.itsmkit.core.FieldValue;
import dev.itsmkit.core.Party;
import dev.itsmkit.core.StateCategory;
import dev.itsmkit.core.TenantId;
import dev.itsmkit.core.TimeWindow;
import dev.itsmkit.persistence.TicketOrder;
import dev.itsmkit.persistence.TicketQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Builds the SQL of a ticket query from fixed fragments and {@code ?} parameters: the text holds only
 * constants of this class, every value is a bound parameter. Each criterion is one condition that an
 * index of {@code V1__tickets.sql} serves (tenant first); the order is a keyset order that an index
 * serves too, so a page reads about {@code limit} rows once the planner picks the order's index.
 */
final class TicketQueries {
    private static final String SELECT_PAGE = "SELECT t.snapshot FROM itsm_ticket t WHERE t.tenant = ?";
    private static final String SELECT_COUNT = "SELECT COUNT(*) FROM itsm_ticket t WHERE t.tenant = ?";
    private static final String AND_CATEGORY_IN = " AND t.state_category IN (";
    private static final String AND_KIND_IN = " AND t.kind IN (";
    private static final String AND_PRIORITY_IN = " AND t.priority IN (";
    private static final String FIRST_PARAMETER = "?";
    private static final String NEXT_PARAMETER = ", ?";
    private static final String CLOSE = ")";
    private static final String AND_ASSIGNEE = " AND t.assignee = ?";
    private static final String AND_GROUP = " AND t.assignment_group = ?";
    private static final String AND_SERVICE = " AND t.service = ?";
    private static final String AND_CI = " AND t.id IN (SELECT c.ticket_id FROM itsm_ticket_ci c WHERE c.tenant = ? AND c.ci = ?)";
    private static final String AND_CREATED_IN = " AND (t.created_s, t.created_n) >= (?, ?) AND (t.created_s, t.created_n) < (?, ?)";
    private static final String AND_UPDATED_IN = " AND (t.updated_s, t.updated_n) >= (?, ?) AND (t.updated_s, t.updated_n) < (?, ?)";
    private static final String AND_FIELD = " AND t.id IN (SELECT f.ticket_id FROM itsm_ticket_field f"
            + " WHERE f.tenant = ? AND f.name = ? AND f.value_hash = ?)";
    private static final String AFTER_NUMBER = " AND (t.kind, t.number_seq) > (?, ?)";
    private static final String AFTER_CREATED = " AND (t.created_s, t.created_n, t.id) > (?, ?, ?)";
    private static final String AFTER_UPDATED = " AND (t.updated_s, t.updated_n, t.id) > (?, ?, ?)";
    private static final String ORDER_NUMBER = " ORDER BY t.kind, t.number_seq LIMIT ?";
    private static final String ORDER_CREATED = " ORDER BY t.created_s, t.created_n, t.id LIMIT ?";
    private static final String ORDER_UPDATED = " ORDER BY t.updated_s, t.updated_n, t.id LIMIT ?";

    /** A statement's text and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
        }
    }

    private TicketQueries() {}

    /** The page query: criteria, then the keyset condition after the cursor's key, then the order and limit. */
    static Statement page(TenantId tenant, TicketQuery query, CursorTokens.@Nullable Position after, int limit) {
        StringBuilder sql = new StringBuilder(256).append(SELECT_PAGE);
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.value());
        criteria(tenant, query, sql, parameters);
        TicketOrder order = query.order();
        if (after != null) {
            sql.append(order == TicketOrder.NUMBER ? AFTER_NUMBER : order == TicketOrder.CREATED ? AFTER_CREATED : AFTER_UPDATED);
            if (order == TicketOrder.NUMBER) {
                parameters.add((int) after.a());
                parameters.add(after.b());
            } else {
                parameters.add(after.a());
                parameters.add((int) after.b());
                parameters.add(after.id().value());
            }
        }
        sql.append(order == TicketOrder.NUMBER ? ORDER_NUMBER : order == TicketOrder.CREATED ? ORDER_CREATED : ORDER_UPDATED);
        parameters.add(limit);
        return new Statement(sql.toString(), parameters);
    }

    /** The count query of the criteria. */
    static Statement count(TenantId tenant, TicketQuery query) {
        StringBuilder sql = new StringBuilder(256).append(SELECT_COUNT);
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.value());
        criteria(tenant, query, sql, parameters);
        return new Statement(sql.toString(), parameters);
    }

    private static void criteria(TenantId tenant, TicketQuery query, StringBuilder sql, List<Object> parameters) {
        if (!query.categories().isEmpty()) {
            in(sql, AND_CATEGORY_IN, query.categories().stream().map(StateCategory::name).sorted().toList(), parameters);
        }
        if (!query.kinds().isEmpty()) {
            in(sql, AND_KIND_IN, query.kinds().stream().map(k -> (Object) (int) TicketColumns.kindCode(k)).sorted().toList(),
                    parameters);
        }
        if (!query.priorities().isEmpty()) {
            in(sql, AND_PRIORITY_IN, query.priorities().stream().map(p -> (Object) p.level()).sorted().toList(), parameters);
        }
        Optional<Party> assignee = query.assignee();
        if (assignee.isPresent()) {
            sql.append(AND_ASSIGNEE);
            parameters.add(TicketColumns.party(assignee.get()));
        }
        Optional<Party> group = query.assignmentGroup();
        if (group.isPresent()) {
            sql.append(AND_GROUP);
            parameters.add(TicketColumns.party(group.get()));
        }
        if (query.service().isPresent()) {
            sql.append(AND_SERVICE);
            parameters.add(query.service().get().value());
        }
        if (query.configurationItem().isPresent()) {
            sql.append(AND_CI);
            parameters.add(tenant.value());
            parameters.add(query.configurationItem().get().value());
        }
        if (query.createdIn().isPresent()) {
            sql.append(AND_CREATED_IN);
            window(query.createdIn().get(), parameters);
        }
        if (query.updatedIn().isPresent()) {
            sql.append(AND_UPDATED_IN);
            window(query.updatedIn().get(), parameters);
        }
        for (Map.Entry<String, FieldValue> e : query.fields().entrySet()) {
            sql.append(AND_FIELD);
            parameters.add(tenant.value());
            parameters.add(e.getKey());
            parameters.add(FieldHashes.hash(e.getValue()));
        }
    }

    private static void in(StringBuilder sql, String fragment, List<?> values, List<Object> parameters) {
        sql.append(fragment);
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? FIRST_PARAMETER : NEXT_PARAMETER);
            parameters.add(values.get(i));
        }
        sql.append(CLOSE);
    }

    private static void window(TimeWindow w, List<Object> parameters) {
        parameters.add(w.start().getEpochSecond());
        parameters.add(w.start().getNano());
        parameters.add(w.end().getEpochSecond());
        parameters.add(w.end().getNano());
    }
}
