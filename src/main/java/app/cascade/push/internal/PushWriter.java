package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.ItemWrite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies plans with set-based SQL: one statement per kind of change for a whole batch of courses (deletes by id
 * arrays, inserts and updates from {@code unnest} of column arrays). Never entity by entity.
 * <p>
 * With {@code cascade.push.changes.enabled} (the default) the same statements keep what the push changed (issue 18,
 * docs/decisions/0023-push-changes.md): each is a writable CTE whose {@code RETURNING OLD.*} (PostgreSQL 18) feeds an
 * insert into {@code push_item_change}, and the course's {@code push_change} row is written by the statement that
 * updates its Course Info. The changes therefore commit or roll back with the writes. Off, the statements are exactly
 * those of a push without changes.
 */
@Component
public class PushWriter {

    private static final String ITEM_ARRAYS = """
            unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
                   ?::int[], ?::text[], ?::int[], ?::text[], ?::uuid[], ?::text[], ?::bool[], ?::bool[], ?::text[])
            as v(id, owner_id, item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts,
                 link, origin, residual, forced, created_at)""";

    /** {@link #ITEM_ARRAYS} with each item's course as {@code v.course_id} (PushChangeStatements keeps it). */
    private static final String ITEM_ARRAYS_WITH_COURSE = """
            unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
                   ?::int[], ?::text[], ?::int[], ?::text[], ?::uuid[], ?::text[], ?::bool[], ?::bool[], ?::text[],
                   ?::bigint[])
            as v(id, owner_id, item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts,
                 link, origin, residual, forced, created_at, course_id)""";

    private final JdbcTemplate jdbc;
    private final boolean keepChanges;

    public PushWriter(JdbcTemplate jdbc, @Value("${cascade.push.changes.enabled:true}") boolean keepChanges) {
        this.jdbc = jdbc;
        this.keepChanges = keepChanges;
    }

    /** Whether the writes keep the push's changes ({@code cascade.push.changes.enabled}). */
    public boolean keepsChanges() {
        return keepChanges;
    }

    /**
     * Writes the plans of request {@code requestId}, keeping its changes when {@code keep} and enabled (an undo's
     * writes keep none: an undo is not undone). The writes run with
     * {@code cascade.push_writes = 'on'} (transaction-local), so the per-course change stamps
     * (V9__course_push_stamps.sql) ignore them and the push takes no lock on a stamp row. The flag is set back to
     * 'off' when the writes succeed; when one fails, the caller's rollback to its savepoint (taken before this call)
     * restores the previous value.
     */
    void apply(UUID requestId, List<CoursePlan> plans, boolean keep, PushPhases phases) {
        jdbc.queryForObject("select set_config('cascade.push_writes', 'on', true)", String.class);
        Batch batch = new Batch(plans);
        if (keep && keepChanges) {
            long t = System.nanoTime();
            PushChangeStatements changes = new PushChangeStatements(jdbc, requestId);
            changes.courses(plans, batch.infoChanges);
            t = phases.add("  apply: changes: push_change rows (+ Course Info)", t);
            write(batch, changes, phases);
            phases.add("  apply: writes, each keeping its changes", t);
        } else {
            long t = System.nanoTime();
            write(batch, null, phases);
            t = phases.add("  apply: writes (changes not kept)", t);
            updateInfo(batch.infoChanges);
            phases.add("  apply: Course Info", t);
        }
        jdbc.queryForObject("select set_config('cascade.push_writes', 'off', true)", String.class);
    }

    /** The plans' writes by kind, in the writer's order. */
    private static final class Batch {
        final List<Delete> courseDeletes = new ArrayList<>();
        final List<Delete> sectionDeletes = new ArrayList<>();
        final List<Write> courseInserts = new ArrayList<>();
        final List<Write> courseUpdates = new ArrayList<>();
        final List<Write> sectionInserts = new ArrayList<>();
        final List<Write> sectionUpdates = new ArrayList<>();
        final List<CoursePlan> infoChanges = new ArrayList<>();

        Batch(List<CoursePlan> plans) {
            for (CoursePlan plan : plans) {
                plan.courseDeletes().forEach(id -> courseDeletes.add(new Delete(id, plan.courseId())));
                plan.sectionDeletes().forEach(id -> sectionDeletes.add(new Delete(id, plan.courseId())));
                for (ItemWrite w : plan.writes()) {
                    Write write = new Write(w.sectionId() == null ? plan.courseId() : w.sectionId(), plan.courseId(),
                            w.item());
                    if (w.sectionId() == null) {
                        (w.insert() ? courseInserts : courseUpdates).add(write);
                    } else {
                        (w.insert() ? sectionInserts : sectionUpdates).add(write);
                    }
                }
                if (plan.newInfo() != null) {
                    infoChanges.add(plan);
                }
            }
        }
    }

    /**
     * The item statements; with {@code changes}, each wrapped so that it also keeps what it changed. Those that keep
     * section items they update or delete also carry each item's course ({@code v.course_id}), which the kept row
     * names: passed in, not looked up row by row through the section.
     */
    private void write(Batch b, PushChangeStatements changes, PushPhases phases) {
        if (!b.sectionDeletes.isEmpty()) {
            if (changes == null) {
                run(null, phases, "delete from section_item where id = any (?)",
                        PushChangeStatements.Table.SECTION_ITEM, PushChangeStatements.Kind.DELETED,
                        array("uuid", ids(b.sectionDeletes)));
            } else {
                run(changes, phases, """
                        delete from section_item t using unnest(?::uuid[], ?::bigint[]) as v(id, course_id)
                        where t.id = v.id""", PushChangeStatements.Table.SECTION_ITEM,
                        PushChangeStatements.Kind.DELETED, array("uuid", ids(b.sectionDeletes)),
                        array("bigint", courses(b.sectionDeletes)));
            }
        }
        if (!b.courseDeletes.isEmpty()) {
            Array ids = array("uuid", ids(b.courseDeletes));
            if (changes == null) {
                run(null, phases, "delete from section_item where course_item_id = any (?)",
                        PushChangeStatements.Table.SECTION_ITEM, PushChangeStatements.Kind.DELETED, ids);
            } else {
                run(changes, phases, """
                        delete from section_item t using unnest(?::uuid[], ?::bigint[]) as v(course_item_id, course_id)
                        where t.course_item_id = v.course_item_id""", PushChangeStatements.Table.SECTION_ITEM,
                        PushChangeStatements.Kind.DELETED, ids, array("bigint", courses(b.courseDeletes)));
            }
            run(changes, phases, "delete from course_item where id = any (?)",
                    PushChangeStatements.Table.COURSE_ITEM, PushChangeStatements.Kind.DELETED, ids);
        }
        insert(changes, phases, PushChangeStatements.Table.COURSE_ITEM, b.courseInserts);
        insert(changes, phases, PushChangeStatements.Table.SECTION_ITEM, b.sectionInserts);
        update(changes, phases, PushChangeStatements.Table.COURSE_ITEM, b.courseUpdates);
        update(changes, phases, PushChangeStatements.Table.SECTION_ITEM, b.sectionUpdates);
    }

    /** Runs one write statement, timed per table and kind of change (a phase summed over the chunks). */
    private void run(PushChangeStatements changes, PushPhases phases, String sql, PushChangeStatements.Table table,
                     PushChangeStatements.Kind kind, Object... args) {
        long t = System.nanoTime();
        if (changes == null) {
            jdbc.update(sql, args);
        } else {
            changes.run(sql, table, kind, args);
        }
        phases.add("    write: " + table.table + " " + kind.name().toLowerCase(java.util.Locale.ROOT), t);
    }

    private void updateInfo(List<CoursePlan> infoChanges) {
        if (infoChanges.isEmpty()) {
            return;
        }
        jdbc.update(PushChangeStatements.UPDATE_INFO, infoArrays(jdbc, infoChanges));
    }

    /** The arrays of {@link PushChangeStatements#UPDATE_INFO}: course id and the six Course Info fields after. */
    static Object[] infoArrays(JdbcTemplate jdbc, List<CoursePlan> infoChanges) {
        return new Object[]{
                SqlArrays.column(jdbc, "bigint", infoChanges, CoursePlan::courseId),
                SqlArrays.column(jdbc, "text", infoChanges, p -> p.newInfo().name()),
                SqlArrays.column(jdbc, "text", infoChanges, p -> p.newInfo().stateCode()),
                SqlArrays.column(jdbc, "text", infoChanges, p -> p.newInfo().department()),
                SqlArrays.column(jdbc, "numeric", infoChanges, p -> p.newInfo().credits()),
                SqlArrays.column(jdbc, "numeric", infoChanges, p -> p.newInfo().gpaWeight()),
                SqlArrays.column(jdbc, "text", infoChanges, p -> p.newInfo().description())};
    }

    private void insert(PushChangeStatements changes, PushPhases phases, PushChangeStatements.Table table,
                        List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        run(changes, phases, """
                insert into %s (id, %s, item_type, code, name, task_code, term_code, weight, seq, calc_method,
                                rounding, parts, %s, origin, residual, forced_no_calc, created_at)
                select v.id, v.owner_id, v.item_type, v.code, v.name, v.task_code, v.term_code, v.weight, v.seq,
                       v.calc_method, v.rounding, v.parts::jsonb, v.link, v.origin, v.residual, v.forced,
                       v.created_at::timestamptz
                from %s
                """.formatted(table.table, table.owner, table.link, ITEM_ARRAYS), table,
                PushChangeStatements.Kind.INSERTED, itemArrays(writes));
    }

    private void update(PushChangeStatements changes, PushPhases phases, PushChangeStatements.Table table,
                        List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        run(changes, phases, """
                update %s t set code = v.code, name = v.name, task_code = v.task_code, term_code = v.term_code,
                    weight = v.weight, seq = v.seq, calc_method = v.calc_method, rounding = v.rounding,
                    parts = v.parts::jsonb, %s = v.link, origin = v.origin, residual = v.residual,
                    forced_no_calc = v.forced
                from %s
                where t.id = v.id
                """.formatted(table.table, table.link, changes == null ? ITEM_ARRAYS : ITEM_ARRAYS_WITH_COURSE),
                table, PushChangeStatements.Kind.UPDATED, changes == null ? itemArrays(writes)
                        : withCourses(itemArrays(writes), writes));
    }

    private Object[] itemArrays(List<Write> writes) {
        return new Object[]{
                column("uuid", writes, w -> w.item().id()),
                column("bigint", writes, Write::ownerId),
                column("text", writes, w -> w.item().type().name()),
                column("text", writes, w -> w.item().values().code()),
                column("text", writes, w -> w.item().values().name()),
                column("text", writes, w -> w.item().values().taskCode()),
                column("text", writes, w -> w.item().values().termCode()),
                column("numeric", writes, w -> w.item().values().weight()),
                column("int4", writes, w -> w.item().values().seq()),
                column("text", writes, w -> w.item().values().calcMethod()),
                column("int4", writes, w -> w.item().values().rounding()),
                column("text", writes, w -> w.item().values().parts()),
                column("uuid", writes, w -> w.item().link()),
                column("text", writes, w -> w.item().origin().name()),
                column("bool", writes, w -> w.item().residual()),
                column("bool", writes, w -> w.item().forcedNoCalc()),
                column("text", writes, w -> w.item().createdAt().toString())};
    }

    /** The item arrays followed by the items' courses ({@link #ITEM_ARRAYS_WITH_COURSE}). */
    private Object[] withCourses(Object[] arrays, List<Write> writes) {
        Object[] args = java.util.Arrays.copyOf(arrays, arrays.length + 1);
        args[arrays.length] = column("bigint", writes, Write::courseId);
        return args;
    }

    private static List<UUID> ids(List<Delete> deletes) {
        return deletes.stream().map(Delete::itemId).toList();
    }

    private static List<Long> courses(List<Delete> deletes) {
        return deletes.stream().map(Delete::courseId).toList();
    }

    /** An item to write, with its owner (course or section) and its course. */
    private record Write(long ownerId, long courseId, Item item) {
    }

    /** An item to delete and its course. */
    private record Delete(UUID itemId, long courseId) {
    }

    private Array array(String type, List<?> values) {
        return SqlArrays.of(jdbc, type, values);
    }

    private <T> Array column(String type, Collection<T> rows, Function<T, ?> value) {
        return SqlArrays.column(jdbc, type, rows, value);
    }
}
