package app.cascade.reports;

import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a report's filters in words, for empty states, titles and file names: "in High School Catalog for 22-23",
 * "at Lakeside High", "for Categories". Unknown ids (another district's, or deleted) read as "all".
 */
@Service
public class ReportScopes {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a");

    private final JdbcTemplate jdbc;
    private final CurrentTenant tenant;

    public ReportScopes(JdbcTemplate jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /** e.g. " in High School Catalog for 22-23 at Lakeside High (Categories)"; "" when nothing is filtered. */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public String describe(ReportFilter filter) {
        List<String> parts = new ArrayList<>();
        name("select name from course_catalog where id = ?", filter.catalogId()).ifPresent(n -> parts.add("in " + n));
        name("select code from school_year where id = ?", filter.yearId()).ifPresent(n -> parts.add("for " + n));
        name("select name from school where id = ?", filter.schoolId()).ifPresent(n -> parts.add("at " + n));
        if (filter.dataType() != null) {
            parts.add("(" + filter.dataType().label() + ")");
        }
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    /** The district's name, for report titles. */
    @PreAuthorize("hasRole('VIEWER')")
    public String district() {
        return tenant.require().displayName();
    }

    /** "Generated 11/28/2026 10:55 PM", in the district's time zone. */
    @PreAuthorize("hasRole('VIEWER')")
    public String generatedNow() {
        ZoneId zone = tenant.require().timeZone();
        return "Generated " + TIME.format(Instant.now().atZone(zone));
    }

    private java.util.Optional<String> name(String sql, Long id) {
        if (id == null) {
            return java.util.Optional.empty();
        }
        return jdbc.queryForList(sql, String.class, id).stream().findFirst();
    }
}
