package dev.itsmkit.persistence.jdbc.internal;

import dev.itsmkit.core.Party;
import dev.itsmkit.core.Ticket;
import dev.itsmkit.core.TicketKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** The query columns of {@code itsm_ticket}, derived from a snapshot. */
final class TicketColumns {

    private TicketColumns() {}

    /** The stored code of a kind: its place in {@link TicketKind}, which orders numbers. */
    static short kindCode(TicketKind kind) {
        return (short) kind.ordinal();
    }

    /** A party as stored: {@code KIND:id}. */
    static String party(Party party) {
        return party.kind().name() + ":" + party.id();
    }

    /** Binds kind, number_seq, version, state_name, state_category, priority, assignee, assignment_group, service,
     * created_s, created_n, updated_s, updated_n and snapshot from {@code index} on; returns the next free index. */
    static int bind(Db db, PreparedStatement ps, int index, Ticket t) throws SQLException {
        int i = bindColumns(ps, index, t);
        db.setJson(ps, i++, Json.write(t));
        return i;
    }

    /** As {@link #bind(Db, PreparedStatement, int, Ticket)} on PostgreSQL, with the snapshot's JSON already written. */
    static int bind(PreparedStatement ps, int index, Ticket t, String json) throws SQLException {
        int i = bindColumns(ps, index, t);
        ps.setObject(i++, json, Types.OTHER);
        return i;
    }

    private static int bindColumns(PreparedStatement ps, int index, Ticket t) throws SQLException {
        int i = index;
        ps.setShort(i++, kindCode(t.kind()));
        ps.setLong(i++, t.number().sequence());
        ps.setLong(i++, t.version());
        ps.setString(i++, t.state().name());
        ps.setString(i++, t.state().category().name());
        ps.setShort(i++, (short) t.priority().level());
        setOptional(ps, i++, t.assignee().map(TicketColumns::party));
        setOptional(ps, i++, t.assignmentGroup().map(TicketColumns::party));
        setOptional(ps, i++, t.service().map(s -> s.value()));
        Db.setInstant(ps, i, t.createdAt());
        i += 2;
        Db.setInstant(ps, i, t.updatedAt());
        i += 2;
        return i;
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }
}
