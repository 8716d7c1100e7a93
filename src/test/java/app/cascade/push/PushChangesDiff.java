package app.cascade.push;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What a push changed, seen two ways in a test district: as the difference between snapshots of course, course_item
 * and section_item taken before and after it ({@link #expected}), and as the push kept it in push_change and
 * push_item_change ({@link #kept}). Both are sets of lines: {@code <item id> UPDATED|DELETED course <id> <the row
 * before>}, {@code <item id> INSERTED course <id> section <id>}, {@code info <course id> <the six Course Info fields
 * before>} and {@code course <id>} for each course with a change. Equal sets mean the push kept exactly what it changed.
 */
final class PushChangesDiff {

    /** The item columns the exchange export and the planner read, in one order for both sources. */
    private static final String ITEM = "row(%1$s.item_type, %1$s.code, %1$s.name, %1$s.task_code, %1$s.term_code,"
            + " %1$s.weight, %1$s.seq, %1$s.calc_method, %1$s.rounding, %1$s.parts::text, %2$s, %1$s.origin,"
            + " %1$s.residual, %1$s.forced_no_calc, %1$s.created_at, %3$s)::text";
    private static final String INFO = "row(name, state_code, department, credits, gpa_weight, description)::text";

    private PushChangesDiff() {
    }

    /** The rows of course_item and section_item (by id) and each course's Course Info. */
    record Snapshot(Map<String, Row> items, Map<Long, String> infos) {
    }

    record Row(long courseId, Long sectionId, String text) {
    }

    static Snapshot snapshot(PushFixture f) {
        return f.inAlpha(() -> {
            Map<String, Row> items = new HashMap<>();
            f.jdbc.query("""
                    select ci.id::text as id, ci.course_id, null::bigint as section_id, %s as item from course_item ci
                    union all
                    select si.id::text, s.course_id, si.section_id, %s from section_item si
                    join section s on s.id = si.section_id
                    """.formatted(ITEM.formatted("ci", "ci.master_item_id", "null::bigint"),
                    ITEM.formatted("si", "si.course_item_id", "si.section_id")), rs -> {
                long section = rs.getLong("section_id");
                Long sectionId = rs.wasNull() ? null : section;
                items.put(rs.getString("id"), new Row(rs.getLong("course_id"), sectionId, rs.getString("item")));
            });
            Map<Long, String> infos = new HashMap<>();
            f.jdbc.query("select id, " + INFO + " as info from course", rs -> {
                infos.put(rs.getLong("id"), rs.getString("info"));
            });
            return new Snapshot(items, infos);
        });
    }

    /** The changes a push from {@code before} to {@code after} made. */
    static Set<String> expected(Snapshot before, Snapshot after) {
        Set<String> lines = new TreeSet<>();
        before.items().forEach((id, was) -> {
            Row now = after.items().get(id);
            if (now == null) {
                lines.add(id + " DELETED course " + was.courseId() + " " + was.text());
                lines.add("course " + was.courseId());
            } else if (!now.text().equals(was.text())) {
                lines.add(id + " UPDATED course " + was.courseId() + " " + was.text());
                lines.add("course " + was.courseId());
            }
        });
        after.items().forEach((id, now) -> {
            if (!before.items().containsKey(id)) {
                lines.add(id + " INSERTED course " + now.courseId() + " section " + now.sectionId());
                lines.add("course " + now.courseId());
            }
        });
        before.infos().forEach((course, was) -> {
            if (after.infos().containsKey(course) && !after.infos().get(course).equals(was)) {
                lines.add("info " + course + " " + was);
                lines.add("course " + course);
            }
        });
        return lines;
    }

    /** The changes request {@code request} kept. */
    static Set<String> kept(PushFixture f, UUID request) {
        return f.inAlpha(() -> {
            Set<String> lines = new TreeSet<>();
            f.jdbc.query("""
                    select item_id::text as id, kind, course_id, section_id, %s as item
                    from push_item_change i where request_id = ?
                    """.formatted(ITEM.formatted("i", "i.link", "i.section_id")), rs -> {
                String kind = rs.getString("kind");
                long section = rs.getLong("section_id");
                Long sectionId = rs.wasNull() ? null : section;
                lines.add(rs.getString("id") + " " + kind + " course " + rs.getLong("course_id") + " "
                        + (kind.equals("INSERTED") ? "section " + sectionId : rs.getString("item")));
            }, request);
            f.jdbc.query("select course_id, info_changed, " + INFO + " as info from push_change where request_id = ?",
                    rs -> {
                        lines.add("course " + rs.getLong("course_id"));
                        if (rs.getBoolean("info_changed")) {
                            lines.add("info " + rs.getLong("course_id") + " " + rs.getString("info"));
                        }
                    }, request);
            return lines;
        });
    }

    /** Rows of push_change and push_item_change in the district, all requests. */
    static long rows(PushFixture f) {
        return f.inAlpha(() -> f.jdbc.queryForObject(
                "select (select count(*) from push_change) + (select count(*) from push_item_change)", Long.class));
    }
}
