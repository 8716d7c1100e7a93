package app.cascade.reports;

import app.cascade.tables.ReportHeader;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a report's filters in words, for empty states, titles and file names: "in High School Catalog for 22-23",
 * "at Lakeside High", "for Categories". Unknown ids (another district's, or deleted) read as "all".
 */
@Service
public class ReportScopes {

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
        if (filter.filtersDataType()) {
            parts.add("(" + filter.dataTypesLabel() + ")");
        }
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    /**
     * The header block of a district report's PDF: its filters in words ("All catalogs" for none) and when it was
     * generated, in the district's time zone.
     *
     * @param school whether the report has a school filter
     */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public ReportHeader about(ReportFilter filter, boolean school) {
        List<ReportHeader.Field> fields = new ArrayList<>();
        fields.add(ReportHeader.field("School year",
                name("select code from school_year where id = ?", filter.yearId()).orElse("All years")));
        fields.add(ReportHeader.field("Catalog",
                name("select name from course_catalog where id = ?", filter.catalogId()).orElse("All catalogs")));
        if (school) {
            fields.add(ReportHeader.field("School",
                    name("select name from school where id = ?", filter.schoolId()).orElse("All schools")));
        }
        fields.add(ReportHeader.field("Data type",
                filter.filtersDataType() ? filter.dataTypesLabel() : "All data types"));
        fields.add(ReportHeader.field("Generated", ReportHeader.TIME.format(Instant.now().atZone(tenant.require().timeZone()))));
        return new ReportHeader(fields);
    }

    /**
     * The filter's ids that name nothing in the district (another district's, deleted, or never there), by the name
     * of their {@link ReportFilter} component: "yearId", "catalogId", "schoolId", in that order; empty when every id
     * is the district's or not given. One query, none when no id is given.
     */
    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<String> unknownIds(ReportFilter filter) {
        List<String> unknown = new ArrayList<>();
        if (filter.yearId() == null && filter.catalogId() == null && filter.schoolId() == null) {
            return unknown;
        }
        jdbc.query("""
                select ?::bigint is null or exists (select 1 from school_year where id = ?) as year,
                       ?::bigint is null or exists (select 1 from course_catalog where id = ?) as catalog,
                       ?::bigint is null or exists (select 1 from school where id = ?) as school
                """, rs -> {
            if (!rs.getBoolean("year")) {
                unknown.add("yearId");
            }
            if (!rs.getBoolean("catalog")) {
                unknown.add("catalogId");
            }
            if (!rs.getBoolean("school")) {
                unknown.add("schoolId");
            }
        }, filter.yearId(), filter.yearId(), filter.catalogId(), filter.catalogId(), filter.schoolId(),
                filter.schoolId());
        return unknown;
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
        return "Generated " + ReportHeader.TIME.format(Instant.now().atZone(zone));
    }

    private java.util.Optional<String> name(String sql, Long id) {
        if (id == null) {
            return java.util.Optional.empty();
        }
        return jdbc.queryForList(sql, String.class, id).stream().findFirst();
    }
}
