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

        /**
         * The course of a row of the CTE {@code w}. A course item has it. A section item it was given: the update and
         * the deletes carry it as {@code v.course_id}, returned as {@code course_of}; an insert cannot return its
         * source's columns, so an inserted section item's is looked up by its section's primary key, row by row (a
         * join with section instead was planned, blind to the CTE's row count, over the whole table: the item writes
         * of a Push locked took 39 s instead of 2 s on L, docs/bench/README.md, issue 18).
         */
        String courseId(Kind kind) {
            if (this == COURSE_ITEM) {
                return "w.course_id";
            }
            return kind == Kind.INSERTED ? "(select s.course_id from section s where s.id = w.section_id)"
                    : "w.course_of";
        }

        /** What the write returns besides the row, for {@link #courseId}. */
        String returnsCourse(Kind kind) {
            return this == SECTION_ITEM && kind != Kind.INSERTED ? ", v.course_id as course_of" : "";
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
     * nothing). An update or delete of section items must join a source {@code v} that has each item's
     * {@code course_id} (PushWriter's statements do).
     */
    void run(String write, Table table, Kind kind, Object... writeArgs) {
        String sql = kind == Kind.INSERTED ? """
                with w as (
                %s returning new.id, new.%s)
                insert into push_item_change (request_id, course_id, section_id, item_id, kind)
                select ?::uuid, %s, %s, w.id, 'INSERTED'
                from w
                """.formatted(write.strip(), table.owner, table.courseId(kind), table.sectionId())
                : """
                with w as (
                %s returning old.*%s%s)
                insert into push_item_change (request_id, course_id, section_id, item_id, kind, item_type, code, name,
                    task_code, term_code, weight, seq, calc_method, rounding, parts, link, origin, residual,
                    forced_no_calc, created_at)
                select ?::uuid, %s, %s, w.id, '%s', w.item_type, w.code, w.name, w.task_code, w.term_code, w.weight,
                       w.seq, w.calc_method, w.rounding, w.parts, w.%s, w.origin, w.residual, w.forced_no_calc,
                       w.created_at
                from w%s
                """.formatted(write.strip(), table.returnsCourse(kind),
                kind == Kind.UPDATED ? ", (old.* is distinct from new.*) as changed" : "",
                table.courseId(kind), table.sectionId(), kind.name(), table.link,
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
