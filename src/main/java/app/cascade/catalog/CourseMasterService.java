package app.cascade.catalog;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import app.cascade.grading.ItemType;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.UnknownTenantException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The course masters of a catalog, paged and filtered in the database, and one master's grading setup. */
@Service
public class CourseMasterService {

    private static final String FILTERED = " from course_master m where m.catalog_id = :catalogId and (:pattern = ''"
            + " or lower(m.number) like :pattern escape '!' or lower(m.name) like :pattern escape '!'"
            + " or lower(coalesce(m.department, '')) like :pattern escape '!')";

    private static final String MASTER = "select m.*, cat.name as catalog_name,"
            + " array(select l.lock_name from catalog_lock l where l.catalog_id = m.catalog_id) as locks"
            + " from course_master m join course_catalog cat on cat.id = m.catalog_id where m.id = :masterId";

    private static final String ITEMS = "select * from master_item where master_id = :masterId"
            + " order by item_type, seq, match_key";

    /**
     * A page of a catalog's masters in the list's order, each with its items counted by data type (a column per
     * type, named like the type) and its last recorded grading change: one statement for the whole page.
     */
    private static final String SUMMARIES = "select m.id, m.number, m.name, m.catalog_id, n.*,"
            + " (select max(ch.changed_at) from master_change ch where ch.master_id = m.id) as last_changed_at"
            + " from course_master m cross join lateral (select "
            + Arrays.stream(ItemType.values()).map(t -> "count(*) filter (where i.item_type = '" + t.name()
                    + "') as " + t.name()).collect(Collectors.joining(", "))
            + " from master_item i where i.master_id = m.id) n"
            + " where m.catalog_id = :catalogId order by m.number, m.id offset :offset limit :limit";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant tenant;

    CourseMasterService(NamedParameterJdbcTemplate jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    /**
     * One page of the masters of {@code catalogId} whose number, name or department contains {@code filter}
     * (case-insensitive; blank means all), ordered by number.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<MasterRow> page(long catalogId, String filter, int offset, int limit) {
        MapSqlParameterSource params = filterParams(catalogId, filter).addValue("offset", offset)
                .addValue("limit", limit);
        return jdbc.query("select m.id, m.number, m.name, m.department, m.state_code, m.credits" + FILTERED
                + " order by m.number, m.id offset :offset limit :limit", params, (rs, n) -> new MasterRow(
                rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("department"),
                rs.getString("state_code"), rs.getBigDecimal("credits")));
    }

    /**
     * One page of the masters of {@code catalogId} in the Course Masters view's order (by number), with their item
     * counts per data type and last recorded grading change, in one query.
     *
     * @throws NotInDistrictException when the district has no such catalog
     * @throws UnknownTenantException  when the caller has no district
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public List<MasterSummary> summaries(long catalogId, long offset, int limit) {
        tenant.require();
        MapSqlParameterSource params = new MapSqlParameterSource("catalogId", catalogId).addValue("offset", offset)
                .addValue("limit", limit);
        List<MasterSummary> page = jdbc.query(SUMMARIES, params, (rs, n) -> {
            Map<ItemType, Integer> items = new EnumMap<>(ItemType.class);
            for (ItemType type : ItemType.values()) {
                items.put(type, rs.getInt(type.name()));
            }
            OffsetDateTime changed = rs.getObject("last_changed_at", OffsetDateTime.class);
            return new MasterSummary(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
                    rs.getLong("catalog_id"), items, changed == null ? null : changed.toInstant());
        });
        if (page.isEmpty() && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from course_catalog where id = :catalogId)", params, Boolean.class))) {
            throw NotInDistrictException.catalog(catalogId);
        }
        return page;
    }

    /** How many masters {@link #page} can return for the same catalog and filter. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public int count(long catalogId, String filter) {
        Integer count = jdbc.queryForObject("select count(*)" + FILTERED, filterParams(catalogId, filter),
                Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * One master with its attributes and items grouped by type; empty when the district has no such master. A caller
     * without a district is refused ({@link UnknownTenantException}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<MasterDetails> master(long masterId) {
        tenant.require();
        MapSqlParameterSource params = new MapSqlParameterSource("masterId", masterId);
        return jdbc.query(MASTER, params, (rs, n) -> {
            Map<ItemType, List<GradingItem>> items = jdbc.query(ITEMS, params, (r, i) -> CourseService.values(r))
                    .stream().collect(Collectors.groupingBy(GradingItem::type));
            return new MasterDetails(rs.getLong("id"), rs.getLong("catalog_id"), rs.getString("catalog_name"),
                    rs.getString("number"), info(rs), locks(rs), items);
        }).stream().findFirst();
    }

    private static Set<CatalogLock> locks(ResultSet rs) throws SQLException {
        Set<CatalogLock> locks = EnumSet.noneOf(CatalogLock.class);
        for (String name : (String[]) rs.getArray("locks").getArray()) {
            locks.add(CatalogLock.fromDb(name));
        }
        return locks;
    }

    private static MapSqlParameterSource filterParams(long catalogId, String filter) {
        return new MapSqlParameterSource("catalogId", catalogId)
                .addValue("pattern", Filters.containsPattern(filter));
    }

    private static CourseInfoValues info(ResultSet rs) throws SQLException {
        return new CourseInfoValues(rs.getString("name"), rs.getString("state_code"), rs.getString("department"),
                rs.getBigDecimal("credits"), rs.getBigDecimal("gpa_weight"), rs.getString("description"));
    }
}
