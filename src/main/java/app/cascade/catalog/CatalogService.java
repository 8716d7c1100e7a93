package app.cascade.catalog;

import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The district's course catalogs, their locks and the schools assigned to them. Read only. */
@Service
public class CatalogService {

    /** Every school with the name of its catalog (none: null), by name. */
    static final String SCHOOLS = "select s.id, s.code, s.name, s.catalog_id, cat.name as catalog_name"
            + " from school s left join course_catalog cat on cat.id = s.catalog_id order by s.name";

    private final JdbcTemplate jdbc;
    private final CurrentTenant tenant;

    CatalogService(JdbcTemplate jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * Every catalog of the current district, by name. A caller without a district is refused
     * ({@link app.cascade.tenancy.UnknownTenantException}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CatalogSummary> catalogs() {
        tenant.require();
        Map<Long, List<SchoolRef>> schools = schoolsByCatalog();
        Map<Long, Set<CatalogLock>> locks = locksByCatalog();
        return jdbc.query("""
                        select cat.id, cat.name, (select count(*) from course_master m where m.catalog_id = cat.id)
                            as masters
                        from course_catalog cat
                        """, (rs, n) -> {
                    long id = rs.getLong("id");
                    return new CatalogSummary(id, rs.getString("name"),
                            locks.getOrDefault(id, EnumSet.noneOf(CatalogLock.class)),
                            schools.getOrDefault(id, List.of()), rs.getLong("masters"));
                }).stream()
                .sorted(Comparator.comparing(CatalogSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<CatalogSummary> catalog(long id) {
        return catalogs().stream().filter(c -> c.id() == id).findFirst();
    }

    /**
     * The catalogs a push for {@code schoolYearId} can use: those with a master linked to a course of that year
     * (push-rules §3, Select Year), by name.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<CatalogSummary> catalogsForYear(long schoolYearId) {
        tenant.require();
        Set<Long> ids = Set.copyOf(jdbc.queryForList("""
                select distinct m.catalog_id
                from course c join course_master m on m.id = c.master_id join calendar cal on cal.id = c.calendar_id
                where cal.school_year_id = ?
                """, Long.class, schoolYearId));
        return ids.isEmpty() ? List.of() : catalogs().stream().filter(c -> ids.contains(c.id())).toList();
    }

    private Map<Long, List<SchoolRef>> schoolsByCatalog() {
        Map<Long, List<SchoolRef>> byCatalog = new HashMap<>();
        jdbc.query(SCHOOLS, rs -> {
            long catalogId = rs.getLong("catalog_id");
            if (!rs.wasNull()) {
                byCatalog.computeIfAbsent(catalogId, k -> new ArrayList<>()).add(school(rs));
            }
        });
        byCatalog.values().forEach(list -> list.sort(Comparator.comparing(SchoolRef::name,
                String.CASE_INSENSITIVE_ORDER)));
        return byCatalog;
    }

    private Map<Long, Set<CatalogLock>> locksByCatalog() {
        return jdbc.query("select catalog_id, lock_name from catalog_lock", (rs, n) -> Map.entry(
                        rs.getLong("catalog_id"), CatalogLock.fromDb(rs.getString("lock_name")))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toCollection(() -> EnumSet.noneOf(CatalogLock.class)))));
    }

    /** A row of {@link #SCHOOLS}. */
    static SchoolRef school(ResultSet rs) throws SQLException {
        return new SchoolRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("catalog_name"));
    }
}
