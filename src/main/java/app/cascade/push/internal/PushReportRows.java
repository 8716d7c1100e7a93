package app.cascade.push.internal;

import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The rows of a push request's report ({@code push_report_row}), in the order they were written: all of them (the
 * CSV, the PDF, the screens) or one page (the API's JSON). Callers own the transaction.
 */
@Component
public class PushReportRows {

    private static final String SELECT = """
            select course_id, school, course_number, course_name, section, data_type, item, outcome, reason,
                   assignments, scores, posted_grades, comments, message
            from push_report_row where request_id = ? order by id
            """;
    private static final RowMapper<ReportRow> ROW = (rs, n) -> {
        long course = rs.getLong("course_id");
        return new ReportRow(rs.wasNull() ? null : course, rs.getString("school"), rs.getString("course_number"),
                rs.getString("course_name"), rs.getString("section"), rs.getString("data_type"),
                rs.getString("item"), rs.getString("outcome"), ReasonCode.valueOf(rs.getString("reason")),
                new Dependents(rs.getInt("assignments"), rs.getInt("scores"), rs.getInt("posted_grades"),
                        rs.getInt("comments")), rs.getString("message"));
    };

    private final JdbcTemplate jdbc;

    public PushReportRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ReportRow> all(UUID requestId) {
        return jdbc.query(SELECT, ROW, requestId);
    }

    /** At most {@code limit} rows after the first {@code offset}, through the index on (request_id, id). */
    public List<ReportRow> page(UUID requestId, long offset, int limit) {
        return jdbc.query(SELECT + " offset ? limit ?", ROW, requestId, offset, limit);
    }
}
