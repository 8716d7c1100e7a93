package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

/**
 * The push's write statements as they keep the push's changes (V16__push_changes.sql, decision 0023): each write is
 * the first part of a writable CTE, its {@code RETURNING OLD.*} (the rows as they were) or {@code NEW} (the ids it
 * inserted) feeds one insert into {@code push_item_change}. One statement per kind of change and batch, as without
 * changes; used by {@link PushWriter} inside the chunk's transaction, under its savepoint.
 */
final class PushChangeStatements {

    /** The Course Info update of a push, as PushWriter runs it: course ids and the six fields after. */
    static final String UPDATE_INFO = """
            update course c set name = v.name, state_code = v.state_code, department = v.department,
                credits = v.credits, gpa_weight = v.gpa_weight, description = v.description,
                version = c.version + 1
            from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[])
                as v(id, name, state_code, department, credits, gpa_weight, description)
            where c.id = v.id
            """;

    private static final String INFO = "name, state_code, department, credits, gpa_weight, description";

    /** The two item tables: name, owner column and link column. */
    enum Table {
        COURSE_ITEM("course_item", "course_id", "master_item_id"),
        SECTION_ITEM("section_item", "section_id", "course_item_id");

        final String table;
        final String owner;
        final String link;

        Table(String table, String owner, String link) {
            this.table = table;
            this.owner = owner;
            this.link = link;
        }

        /** The FROM part over the CTE {@code w}: section items find their course through their section. */
        String from() {
            return this == COURSE_ITEM ? "from w" : "from w join section s on s.id = w.section_id";
        }

        String courseId() {
            return this == COURSE_ITEM ? "w.course_id" : "s.course_id";
        }

        String sectionId() {
            return this == COURSE_ITEM ? "null::bigint" : "w.section_id";
        }
    }

    /** What a statement does to the items it returns (push_item_change.kind). */
    enum Kind {
        INSERTED, UPDATED, DELETED
    }

    private final JdbcTemplate jdbc;
    private final UUID requestId;

    PushChangeStatements(JdbcTemplate jdbc, UUID requestId) {
        this.jdbc = jdbc;
        this.requestId = requestId;
    }

    /**
     * One statement for the whole batch: updates the Course Info of {@code infoChanges} and inserts the
     * {@code push_change} row of every course the batch changes, with its content stamp and, where the update
     * changed them, the Course Info fields as they were. Runs before the item statements, whose rows reference it.
     */
    void courses(List<CoursePlan> plans, List<CoursePlan> infoChanges) {
        List<CoursePlan> changing = plans.stream().filter(p -> !p.changesNothing()).toList();
        if (changing.isEmpty()) {
            return;
        }
        Object[] info = PushWriter.infoArrays(jdbc, infoChanges);
        Object[] args = new Object[info.length + 2];
        System.arraycopy(info, 0, args, 0, info.length);
        args[info.length] = requestId;
        args[info.length + 1] = SqlArrays.column(jdbc, "bigint", changing, CoursePlan::courseId);
        jdbc.update("""
                with w as (
                %s    returning old.id, %s,
                        (old.name, old.state_code, old.department, old.credits, old.gpa_weight, old.description)
                        is distinct from (new.name, new.state_code, new.department, new.credits, new.gpa_weight,
                                          new.description) as changed)
                insert into push_change (request_id, course_id, content_stamp, info_changed, %s)
                select ?::uuid, a.id, s.content_stamp, coalesce(w.changed, false),
                       case when w.changed then w.name end, case when w.changed then w.state_code end,
                       case when w.changed then w.department end, case when w.changed then w.credits end,
                       case when w.changed then w.gpa_weight end, case when w.changed then w.description end
                from unnest(?::bigint[]) as a(id)
                left join w on w.id = a.id
                left join course_push_stamp s on s.course_id = a.id
                """.formatted(UPDATE_INFO, prefixed("old.", INFO), INFO), args);
    }

    /**
     * Runs {@code write} (an insert, update or delete of {@code table} without RETURNING) and keeps the items it
     * changed as {@code kind}: the inserted ids, or the rows before (an update that left a row as it was keeps
     * nothing). An item deleted and inserted again by the same request (an undo puts back a section item that goes
     * with the course item it deletes, same id) keeps its row before, as UPDATED.
     */
    void run(String write, Table table, Kind kind, Object... writeArgs) {
        String sql = kind == Kind.INSERTED ? """
                with w as (
                %s returning new.id, new.%s)
                insert into push_item_change (request_id, course_id, section_id, item_id, kind)
                select ?::uuid, %s, %s, w.id, 'INSERTED'
                %s
                on conflict (request_id, course_id, item_id) do update set kind = 'UPDATED'
                """.formatted(write.strip(), table.owner, table.courseId(), table.sectionId(), table.from())
                : """
                with w as (
                %s returning old.*%s)
                insert into push_item_change (request_id, course_id, section_id, item_id, kind, item_type, code, name,
                    task_code, term_code, weight, seq, calc_method, rounding, parts, link, origin, residual,
                    forced_no_calc, created_at)
                select ?::uuid, %s, %s, w.id, '%s', w.item_type, w.code, w.name, w.task_code, w.term_code, w.weight,
                       w.seq, w.calc_method, w.rounding, w.parts, w.%s, w.origin, w.residual, w.forced_no_calc,
                       w.created_at
                %s%s
                """.formatted(write.strip(), kind == Kind.UPDATED ? ", (old.* is distinct from new.*) as changed" : "",
                table.courseId(), table.sectionId(), kind.name(), table.link, table.from(),
                kind == Kind.UPDATED ? " where w.changed" : "");
        Object[] args = new Object[writeArgs.length + 1];
        System.arraycopy(writeArgs, 0, args, 0, writeArgs.length);
        args[writeArgs.length] = requestId;
        jdbc.update(sql, args);
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + String.join(", " + prefix, columns.split(", "));
    }
}
