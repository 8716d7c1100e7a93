package app.cascade.push.internal;

import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.ItemWrite;
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
 */
@Component
public class PushWriter {

    private static final String ITEM_ARRAYS = """
            unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
                   ?::int[], ?::text[], ?::int[], ?::text[], ?::uuid[], ?::text[], ?::bool[], ?::bool[], ?::text[])
            as v(id, owner_id, item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts,
                 link, origin, residual, forced, created_at)""";

    private final JdbcTemplate jdbc;

    public PushWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the plans. The writes run with {@code cascade.push_writes = 'on'} (transaction-local), so the per-course
     * change stamps (V9__course_push_stamps.sql) ignore them and the push takes no lock on a stamp row. The flag is
     * set back to 'off' when the writes succeed; when one fails, the caller's rollback to its savepoint (taken before
     * this call) restores the previous value.
     */
    public void apply(List<CoursePlan> plans) {
        jdbc.queryForObject("select set_config('cascade.push_writes', 'on', true)", String.class);
        write(plans);
        jdbc.queryForObject("select set_config('cascade.push_writes', 'off', true)", String.class);
    }

    private void write(List<CoursePlan> plans) {
        List<UUID> courseDeletes = new ArrayList<>();
        List<UUID> sectionDeletes = new ArrayList<>();
        List<Write> courseInserts = new ArrayList<>();
        List<Write> courseUpdates = new ArrayList<>();
        List<Write> sectionInserts = new ArrayList<>();
        List<Write> sectionUpdates = new ArrayList<>();
        List<CoursePlan> infoChanges = new ArrayList<>();
        for (CoursePlan plan : plans) {
            courseDeletes.addAll(plan.courseDeletes());
            sectionDeletes.addAll(plan.sectionDeletes());
            for (ItemWrite w : plan.writes()) {
                Write write = new Write(w.sectionId() == null ? plan.courseId() : w.sectionId(), w.item());
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
        if (!sectionDeletes.isEmpty()) {
            jdbc.update("delete from section_item where id = any (?)", array("uuid", sectionDeletes));
        }
        if (!courseDeletes.isEmpty()) {
            jdbc.update("delete from section_item where course_item_id = any (?)", array("uuid", courseDeletes));
            jdbc.update("delete from course_item where id = any (?)", array("uuid", courseDeletes));
        }
        insert("course_item", "course_id", "master_item_id", courseInserts);
        insert("section_item", "section_id", "course_item_id", sectionInserts);
        update("course_item", "master_item_id", courseUpdates);
        update("section_item", "course_item_id", sectionUpdates);
        if (!infoChanges.isEmpty()) {
            jdbc.update("""
                    update course c set name = v.name, state_code = v.state_code, department = v.department,
                        credits = v.credits, gpa_weight = v.gpa_weight, description = v.description,
                        version = c.version + 1
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[])
                        as v(id, name, state_code, department, credits, gpa_weight, description)
                    where c.id = v.id
                    """,
                    column("bigint", infoChanges, CoursePlan::courseId),
                    column("text", infoChanges, p -> p.newInfo().name()),
                    column("text", infoChanges, p -> p.newInfo().stateCode()),
                    column("text", infoChanges, p -> p.newInfo().department()),
                    column("numeric", infoChanges, p -> p.newInfo().credits()),
                    column("numeric", infoChanges, p -> p.newInfo().gpaWeight()),
                    column("text", infoChanges, p -> p.newInfo().description()));
        }
    }

    private void insert(String table, String ownerColumn, String linkColumn, List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into %s (id, %s, item_type, code, name, task_code, term_code, weight, seq, calc_method,
                                rounding, parts, %s, origin, residual, forced_no_calc, created_at)
                select v.id, v.owner_id, v.item_type, v.code, v.name, v.task_code, v.term_code, v.weight, v.seq,
                       v.calc_method, v.rounding, v.parts::jsonb, v.link, v.origin, v.residual, v.forced,
                       v.created_at::timestamptz
                from %s
                """.formatted(table, ownerColumn, linkColumn, ITEM_ARRAYS), itemArrays(writes));
    }

    private void update(String table, String linkColumn, List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        jdbc.update("""
                update %s t set code = v.code, name = v.name, task_code = v.task_code, term_code = v.term_code,
                    weight = v.weight, seq = v.seq, calc_method = v.calc_method, rounding = v.rounding,
                    parts = v.parts::jsonb, %s = v.link, origin = v.origin, residual = v.residual,
                    forced_no_calc = v.forced
                from %s
                where t.id = v.id
                """.formatted(table, linkColumn, ITEM_ARRAYS), itemArrays(writes));
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

    private record Write(long ownerId, Item item) {
    }

    private Array array(String type, List<?> values) {
        return SqlArrays.of(jdbc, type, values);
    }

    private <T> Array column(String type, Collection<T> rows, Function<T, ?> value) {
        return SqlArrays.column(jdbc, type, rows, value);
    }
}
