package app.cascade.push.internal;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import app.cascade.push.engine.CourseChanges;
import app.cascade.push.engine.CourseInfo;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.ItemChange;
import app.cascade.push.engine.ItemValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads back what a push changed (V16__push_changes.sql, decision 0023): per course, as the engine's
 * {@link CourseChanges}, and which of a request's courses changed since the push wrote them. Runs in the caller's
 * transaction, in the current district; a set of courses at a time (a chunk), one query per table.
 */
@Component
public class PushChangeStore {

    private final JdbcTemplate jdbc;

    public PushChangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The changes of request {@code requestId} for those of {@code courseIds} it changed (a course it did not change,
     * or whose changes are purged, is absent), in one query per table. Items by section (course items first), then id.
     */
    public Map<Long, CourseChanges> changes(UUID requestId, Collection<Long> courseIds) {
        Object ids = SqlArrays.of(jdbc, "bigint", courseIds);
        Map<Long, CourseInfo> infos = new LinkedHashMap<>();
        jdbc.query("""
                select course_id, info_changed, name, state_code, department, credits, gpa_weight, description
                from push_change where request_id = ? and course_id = any (?) order by course_id
                """, rs -> {
            infos.put(rs.getLong("course_id"), rs.getBoolean("info_changed") ? new CourseInfo(rs.getString("name"),
                    rs.getString("state_code"), rs.getString("department"), rs.getBigDecimal("credits"),
                    rs.getBigDecimal("gpa_weight"), rs.getString("description")) : null);
        }, requestId, ids);
        Map<Long, List<ItemChange>> items = new LinkedHashMap<>();
        jdbc.query("""
                select course_id, section_id, item_id, kind, item_type, code, name, task_code, term_code, weight, seq,
                       calc_method, rounding, parts::text as parts, link, origin, residual, forced_no_calc, created_at
                from push_item_change where request_id = ? and course_id = any (?)
                order by course_id, section_id nulls first, item_id
                """, rs -> {
            items.computeIfAbsent(rs.getLong("course_id"), c -> new ArrayList<>()).add(itemChange(rs));
        }, requestId, ids);
        Map<Long, CourseChanges> out = new LinkedHashMap<>();
        infos.forEach((course, info) -> out.put(course,
                new CourseChanges(course, info, items.getOrDefault(course, List.of()))));
        return out;
    }

    /**
     * Which of {@code courseIds} changed since request {@code requestId} wrote them, in one query: anything in the
     * course changed (its content stamp is not the one the push saw), or a later push or undo wrote it (a result of
     * another request that committed writes to the course after these changes: seen from {@code push_course_result},
     * so also a push that ran with the changes turned off). Courses the request did not change are never in the
     * answer.
     */
    public Set<Long> changedSince(UUID requestId, Collection<Long> courseIds) {
        return new HashSet<>(jdbc.queryForList("""
                select p.course_id
                from push_change p
                left join course_push_stamp s on s.course_id = p.course_id
                where p.request_id = ? and p.course_id = any (?)
                  and (s.content_stamp is distinct from p.content_stamp
                       or exists (select 1 from push_course_result r
                                  where r.course_id = p.course_id and r.request_id <> p.request_id
                                    and r.committed_at > p.created_at
                                    and r.created + r.updated + r.deleted + r.relinked + r.renamed + r.info_fields > 0))
                """, Long.class, requestId, SqlArrays.of(jdbc, "bigint", courseIds)));
    }

    /**
     * Whether the changes of request {@code requestId} are still kept: the request exists and the purge has not
     * removed them ({@code push_request.changes_purged_at} is null).
     */
    public boolean kept(UUID requestId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from push_request where id = ? and changes_purged_at is null)",
                Boolean.class, requestId));
    }

    private static ItemChange itemChange(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("item_id", UUID.class);
        long section = rs.getLong("section_id");
        Long sectionId = rs.wasNull() ? null : section;
        ItemChange.Kind kind = ItemChange.Kind.valueOf(rs.getString("kind"));
        if (kind == ItemChange.Kind.INSERTED) {
            return new ItemChange(sectionId, id, kind, null);
        }
        Integer rounding = rs.getObject("rounding", Integer.class);
        ItemValues values = new ItemValues(rs.getString("code"), rs.getString("name"), rs.getString("task_code"),
                rs.getString("term_code"), rs.getBigDecimal("weight"), rs.getInt("seq"), rs.getString("calc_method"),
                rounding, rs.getString("parts"));
        Item before = new Item(id, ItemType.valueOf(rs.getString("item_type")), values,
                rs.getObject("link", UUID.class), Origin.valueOf(rs.getString("origin")), rs.getBoolean("residual"),
                rs.getBoolean("forced_no_calc"), rs.getTimestamp("created_at").toInstant());
        return new ItemChange(sectionId, id, kind, before);
    }
}
