package app.cascade.push;

import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.internal.DistrictExporter;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proof that an undo gives back the district from before its push (issue 18), on the real database, for
 * UndoScenariosIT and UndoRandomDistrictsIT: the district's export, every course's rows (items with their ids, links,
 * origins, residual and forced flags and created at; the course row without its version, which every write bumps) and
 * every gradebook row (assignments, scores, comments, posted grades) are as before the push, except in the courses the
 * undo left as they were (skipped): exactly those the undo's planner says it must leave (its preview), exactly those
 * changed since the push ({@code CHANGED_SINCE_PUSH}) or whose undo would delete an item that has gradebook data now
 * ({@code UNDO_KEEPS_GRADES}, found here in SQL), each with one row giving that reason, and unchanged by the undo.
 * A push that kept no changes may not be undone: the undo is refused, saying so.
 */
final class UndoProof {

    /** The district as an undo must give it back. */
    record State(DistrictDocument export, Map<Long, String> courseKeys, Map<Long, List<String>> courses,
                 List<String> gradebook) {
    }

    private final ApplicationContext context;
    private final String district;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    UndoProof(ApplicationContext context, String district) {
        this.context = context;
        this.district = district;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    State take() {
        DistrictExporter exporter = context.getBean(DistrictExporter.class);
        return inDistrict(() -> {
            Map<Long, String> keys = new HashMap<>();
            jdbc.query("""
                    select c.id, s.code || '|' || y.code || '|' || c.number from course c
                    join calendar cal on cal.id = c.calendar_id join school s on s.id = cal.school_id
                    join school_year y on y.id = cal.school_year_id
                    """, rs -> {
                keys.put(rs.getLong(1), rs.getString(2));
            });
            Map<Long, List<String>> courses = new TreeMap<>();
            jdbc.query("""
                    select id, 'course ' || row(calendar_id, number, name, state_code, department, credits, gpa_weight,
                                                description, master_id, ignore_master_push)::text from course
                    union all select course_id, 'item ' || t::text from course_item t
                    union all select course_id, 'section ' || t::text from section t
                    union all select s.course_id, 'section item ' || t::text from section_item t
                              join section s on s.id = t.section_id
                    """, rs -> {
                courses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
            courses.values().forEach(Collections::sort);
            List<String> gradebook = new ArrayList<>();
            for (String table : List.of("assignment", "score", "assignment_comment", "posted_grade")) {
                gradebook.addAll(jdbc.queryForList("select '" + table + " ' || t::text from " + table + " t",
                        String.class));
            }
            Collections.sort(gradebook);
            return new State(exporter.exportDistrict(), keys, courses, gradebook);
        });
    }

    /**
     * Undoes push {@code push} as PushUndoIT does (stored as {@link PushUndoService#undo} stores it, its job run in
     * this thread) and proves it gave back {@code before}, the district taken just before the push, except the
     * courses it had to leave; {@code changedSince} are the courses the test changed after the push. A push that kept
     * no changes is refused instead. Returns the undo's id, or null when refused.
     */
    UUID undoAndProve(UUID push, State before, Set<Long> changedSince, String as) {
        State beforeUndo = take();
        Set<Long> changed = changedCourses(push);
        if (changed.isEmpty()) {
            assertThat(beforeUndo).as(as + ": a push that kept no changes changed nothing").isEqualTo(before);
            assertThatThrownBy(() -> context.getBean(PushUndoService.class).undo(push)).as(as)
                    .isInstanceOf(PushStateException.class).hasMessageContaining("kept no changes to undo");
            return null;
        }
        assertThat(beforeUndo.courses()).as(as + ": the push changed the courses").isNotEqualTo(before.courses());
        Map<Long, ReasonCode> mustSkip = new TreeMap<>();
        keepingGrades(push).forEach(c -> mustSkip.put(c, ReasonCode.UNDO_KEEPS_GRADES));
        changedSince.forEach(c -> mustSkip.put(c, ReasonCode.CHANGED_SINCE_PUSH));
        UndoPreview preview = context.getBean(PushUndoService.class).undoPreview(push);

        UUID undo = PushRuns.of(context).undo(push);

        Map<Long, ReasonCode> planned = new TreeMap<>();
        preview.untouched().forEach(u -> planned.put(u.courseId(), u.reason()));
        Map<Long, List<ReportRow>> rows = new HashMap<>();
        context.getBean(PushService.class).reportRows(undo).stream().filter(r -> r.courseId() != null)
                .forEach(r -> rows.computeIfAbsent(r.courseId(), k -> new ArrayList<>()).add(r));
        Map<Long, ReasonCode> skipped = new TreeMap<>();
        rows.forEach((course, courseRows) -> courseRows.stream().filter(r -> r.reason() != ReasonCode.RESTORED)
                .forEach(r -> skipped.put(course, r.reason())));
        assertThat(skipped).as(as + ": the courses the undo left, with the reason its report gives")
                .isEqualTo(mustSkip).isEqualTo(planned);
        assertThat(rows.keySet()).as(as + ": the undo reports every course the push changed").isEqualTo(changed);
        skipped.keySet().forEach(course -> assertThat(rows.get(course)).as(as + ": course " + course + " left")
                .hasSize(1));
        assertThat(context.getBean(PushService.class).request(undo).status()).as(as)
                .isEqualTo(skipped.isEmpty() ? PushStatus.COMPLETED : PushStatus.COMPLETED_WITH_WARNINGS);

        State after = take();
        Set<String> skippedKeys = new HashSet<>();
        skipped.keySet().forEach(c -> skippedKeys.add(before.courseKeys().get(c)));
        assertThat(json(without(after.export(), skippedKeys))).as(as + ": the export but the courses left")
                .isEqualTo(json(without(before.export(), skippedKeys)));
        Map<Long, List<String>> expected = new TreeMap<>(before.courses());
        skipped.keySet().forEach(c -> expected.put(c, beforeUndo.courses().get(c)));
        assertThat(after.courses()).as(as + ": every course as before the push, the ones left as before the undo")
                .isEqualTo(expected);
        assertThat(after.gradebook()).as(as + ": no assignment, score, comment or posted grade changed")
                .isEqualTo(before.gradebook());
        return undo;
    }

    /** The courses push {@code push} kept changes of. */
    Set<Long> changedCourses(UUID push) {
        return new TreeSet<>(inDistrict(() -> jdbc.queryForList(
                "select course_id from push_change where request_id = ?", Long.class, push)));
    }

    /**
     * The courses whose undo would delete an item that has gradebook data now (push-rules §1 dependents): an item the
     * push inserted, or a section item now linked to a course item it inserted (the writer deletes those by link).
     */
    Set<Long> keepingGrades(UUID push) {
        return new TreeSet<>(inDistrict(() -> jdbc.queryForList("""
                with inserted as (select course_id, item_id from push_item_change
                                  where request_id = ? and kind = 'INSERTED'),
                removed as (select course_id, item_id as id from inserted
                            union select i.course_id, si.id from inserted i
                            join section_item si on si.course_item_id = i.item_id)
                select distinct r.course_id from removed r
                where exists (select 1 from assignment a where a.category_item_id = r.id or a.task_item_id = r.id)
                   or exists (select 1 from posted_grade p where p.task_item_id = r.id)
                   or exists (select 1 from course_item ci join section s on s.course_id = ci.course_id
                              join posted_grade p on p.section_id = s.id and p.term_code = ci.term_code
                              join course_item t on t.id = p.task_item_id and t.code = ci.task_code
                              where ci.id = r.id and ci.item_type in ('CALC_OPTION', 'COMPOSITE'))
                   or exists (select 1 from section_item si
                              join posted_grade p on p.section_id = si.section_id and p.term_code = si.term_code
                              join course_item t on t.id = p.task_item_id and t.code = si.task_code
                              where si.id = r.id and si.item_type in ('CALC_OPTION', 'COMPOSITE'))
                """, Long.class, push)));
    }

    /** The export with the courses of those keys (school code|year|number) left out. */
    private static DistrictDocument without(DistrictDocument d, Set<String> courseKeys) {
        List<DistrictDocument.School> schools = d.schools().stream().map(s -> new DistrictDocument.School(s.code(),
                s.name(), s.catalog(), s.calendars().stream().map(c -> new DistrictDocument.Calendar(c.year(),
                c.name(), c.terms(), c.courses().stream().filter(course -> !courseKeys.contains(
                        s.code() + "|" + c.year() + "|" + course.number())).toList())).toList())).toList();
        return new DistrictDocument(d.format(), d.district(), d.schoolYears(), d.catalogs(), schools);
    }

    private String json(DistrictDocument document) {
        return new String(context.getBean(DistrictExporter.class).toJson(document), StandardCharsets.UTF_8);
    }

    private <T> T inDistrict(Supplier<T> work) {
        return TenantContext.call(district, () -> tx.execute(s -> work.get()));
    }
}
