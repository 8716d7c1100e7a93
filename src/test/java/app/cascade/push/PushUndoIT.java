package app.cascade.push;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.TestUsers;
import app.cascade.exchange.internal.DistrictExporter;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.ReasonCode;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.internal.PushChangeStore;
import app.cascade.push.internal.PushExecutor;
import app.cascade.push.internal.PushRequestStore;
import app.cascade.push.internal.UndoRequests;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The undo of a push (issue 18) on real PostgreSQL, through the push's own job and executor: it gives back the
 * district's export from before the push, skips (CHANGED_SINCE_PUSH) the courses changed since, restores only the
 * committed courses of a failed push, resumes after a crash with the same result, and refuses what it must. Chunks of
 * two courses, as in PushExecutionIT, so the fixture's three courses of the catalog take two chunks.
 */
@CascadeIntegrationTest
@TestPropertySource(properties = "cascade.push.chunk-size=2")
class PushUndoIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PushService pushes;
    @Autowired
    PushRequestService requests;
    @Autowired
    PushUndoService undoService;
    @Autowired
    PushRequestStore store;
    @Autowired
    UndoRequests undos;
    @Autowired
    PushExecutor executor;
    @Autowired
    DistrictExporter exporter;
    @Autowired
    PushChangeStore changes;

    PushFixture f;
    PushRuns runs;

    @BeforeEach
    void setUp() {
        TestUsers.signIn(context, "alpha.push");
        f = new PushFixture(context).build();
        runs = PushRuns.of(context);
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private String export() {
        return TenantContext.call("alpha", () -> new String(exporter.toJson(exporter.exportDistrict()),
                StandardCharsets.UTF_8));
    }

    private PushRequestView view(UUID id) {
        return f.inAlpha(() -> store.find(id).orElseThrow());
    }

    private List<ReportRow> rowsOf(UUID request, long courseId) {
        return pushes.reportRows(request).stream().filter(r -> r.courseId() != null && r.courseId() == courseId)
                .toList();
    }

    private static PushCommand catalog(PushFixture f, PushMode mode) {
        return PushCommand.catalog(f.catalog, f.current, mode, true, EnumSet.allOf(LockType.class));
    }

    /** The course's items and its first section's, as the fixture lists them. */
    private List<Object> itemsOf(long courseId, long sectionId) {
        return List.of(f.courseItems(courseId), f.sectionItems(sectionId));
    }

    @Test
    void an_undone_overwrite_with_sections_gives_back_the_export_from_before_the_push() {
        PushCommand command = PushChangesIT.overwriteEverything(f);
        String before = export();
        List<Long> gradebook = f.gradebook();
        UUID push = runs.run(command);
        assertThat(export()).isNotEqualTo(before);
        assertThat(requests.details(push).undoable()).isTrue();

        UUID undo = runs.undo(push);

        assertThat(export()).isEqualTo(before);
        assertThat(f.gradebook()).isEqualTo(gradebook);
        PushRequestView view = view(undo);
        assertThat(view.status()).isEqualTo(PushStatus.COMPLETED);
        assertThat(view.kind()).isEqualTo(PushKind.UNDO);
        assertThat(view.catalogId()).isEqualTo(f.catalog);
        assertThat(view.mode()).isEqualTo(PushMode.OVERWRITE);
        assertThat(f.inAlpha(() -> undos.undoOf(undo))).contains(push);
        assertThat(pushes.reportRows(undo)).isNotEmpty().allSatisfy(r -> assertThat(r.reason())
                .isEqualTo(ReasonCode.RESTORED)).extracting(ReportRow::outcome)
                .contains("Re-created", "Restored", "Deleted");
        assertThat(requests.details(push).undoable()).isFalse();
        assertThat(requests.details(undo).undoable()).isFalse();
        // an undo is not undone, so its writes keep no changes; its course results alone show the courses as
        // changed since the push
        assertThat(PushChangesDiff.kept(f, undo)).isEmpty();
        assertThat(f.inAlpha(() -> changes.changedSince(push, List.of(f.eng1.id(), f.eng2.id()))))
                .containsExactlyInAnyOrder(f.eng1.id(), f.eng2.id());
    }

    @Test
    void an_undone_push_locked_gives_back_the_export_from_before_the_push() {
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
        f.d.update("update course_master set state_code = 'SC-ENG-9', description = 'Changed' where id = ?",
                f.eng.id());
        String before = export();
        UUID push = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        assertThat(export()).isNotEqualTo(before);

        UUID undo = runs.undo(push);

        assertThat(export()).isEqualTo(before);
        assertThat(view(undo).status()).isEqualTo(PushStatus.COMPLETED);
        assertThat(rowsOf(undo, f.eng1.id())).extracting(ReportRow::dataType)
                .contains(LockType.COURSE_INFO.label());
    }

    @Test
    void an_undo_after_an_edit_to_one_course_skips_that_course_and_restores_the_rest() {
        PushCommand command = PushChangesIT.overwriteEverything(f);
        List<Object> eng1Before = itemsOf(f.eng1.id(), f.eng1Section1);
        UUID push = runs.run(command);
        f.d.update("update course set description = 'Edited after the push' where id = ?", f.eng2.id());
        List<Object> eng2Edited = itemsOf(f.eng2.id(), f.eng2Section1);

        UUID undo = runs.undo(push);

        assertThat(view(undo).status()).isEqualTo(PushStatus.COMPLETED_WITH_WARNINGS);
        assertThat(rowsOf(undo, f.eng2.id())).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ReasonCode.CHANGED_SINCE_PUSH);
            assertThat(r.outcome()).isEqualTo("Not restored");
        });
        assertThat(itemsOf(f.eng2.id(), f.eng2Section1)).isEqualTo(eng2Edited);
        assertThat(itemsOf(f.eng1.id(), f.eng1Section1)).isEqualTo(eng1Before);
        assertThat(rowsOf(undo, f.eng1.id())).isNotEmpty().allSatisfy(r -> assertThat(r.reason())
                .isEqualTo(ReasonCode.RESTORED));
    }

    @Test
    void a_course_deleted_after_the_push_is_left_out_of_its_undo_and_the_rest_is_restored() {
        PushCommand command = PushChangesIT.overwriteEverything(f);
        List<Object> eng1Before = itemsOf(f.eng1.id(), f.eng1Section1);
        UUID push = runs.run(command);
        assertThat(f.inAlpha(() -> undos.courses(push))).contains(f.eng2.id(), f.eng1.id());
        // no foreign key keeps push_change in step with course (V19): the readers join course
        f.d.update("delete from section_item where section_id in (select id from section where course_id = ?)",
                f.eng2.id());
        f.d.update("delete from section where course_id = ?", f.eng2.id());
        f.d.update("delete from course_item where course_id = ?", f.eng2.id());
        f.d.update("delete from course where id = ?", f.eng2.id());
        assertThat(f.inAlpha(() -> undos.courses(push))).doesNotContain(f.eng2.id()).contains(f.eng1.id());
        assertThat(requests.details(push).undoable()).isTrue();

        UUID undo = runs.undo(push);

        assertThat(view(undo).status()).isEqualTo(PushStatus.COMPLETED);
        assertThat(itemsOf(f.eng1.id(), f.eng1Section1)).isEqualTo(eng1Before);
        assertThat(rowsOf(undo, f.eng2.id())).isEmpty();
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_course_result"
                + " where request_id = ? and course_id = ?", Long.class, undo, f.eng2.id()))).isZero();
    }

    @Test
    void a_push_whose_changed_courses_were_all_deleted_since_is_not_undoable() {
        f.mat.with(task("S2", "Semester 2"));
        UUID push = runs.run(PushCommand.master(f.mat.id(), f.current, PushMode.PUSH_LOCKED, false,
                EnumSet.allOf(LockType.class)));
        List<Long> changed = f.inAlpha(() -> undos.courses(push));
        assertThat(changed).isNotEmpty();
        assertThat(requests.details(push).undoable()).isTrue();
        for (long course : changed) {
            f.d.update("delete from section_item where section_id in (select id from section where course_id = ?)",
                    course);
            f.d.update("delete from section where course_id = ?", course);
            f.d.update("delete from course_item where course_id = ?", course);
            f.d.update("delete from course where id = ?", course);
        }

        assertThat(requests.details(push).undoable()).isFalse();
        assertThat(f.inAlpha(() -> undos.undoable(List.of(push)))).isEmpty();
    }

    @Test
    void an_undo_after_a_later_push_of_the_catalog_skips_the_courses_the_later_push_wrote() {
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
        List<Object> eng1Before = itemsOf(f.eng1.id(), f.eng1Section1);
        UUID first = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        long mat1Section1 = f.d.query("select id from section where course_id = ? order by number limit 1",
                Long.class, f.mat1.id());
        f.mat.with(task("S3", "Semester 3"));
        UUID later = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        assertThat(PushChangesDiff.kept(f, later)).anyMatch(l -> l.equals("course " + f.mat1.id()))
                .noneMatch(l -> l.startsWith("course " + f.eng1.id()) || l.startsWith("course " + f.eng2.id()));
        List<Object> mat1Later = itemsOf(f.mat1.id(), mat1Section1);

        UUID undo = runs.undo(first);

        assertThat(rowsOf(undo, f.mat1.id())).singleElement().extracting(ReportRow::reason)
                .isEqualTo(ReasonCode.CHANGED_SINCE_PUSH);
        assertThat(itemsOf(f.mat1.id(), mat1Section1)).isEqualTo(mat1Later);
        assertThat(itemsOf(f.eng1.id(), f.eng1Section1)).isEqualTo(eng1Before);
        assertThat(rowsOf(undo, f.eng2.id())).isNotEmpty().allSatisfy(r -> assertThat(r.reason())
                .isEqualTo(ReasonCode.RESTORED));
    }

    @Test
    void an_undo_of_a_push_that_failed_halfway_restores_the_committed_courses_only() {
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
        String before = export();
        UUID push = f.inAlpha(() -> store.create(catalog(f, PushMode.OVERWRITE), "alpha.push", PushStatus.QUEUED,
                Instant.now()));
        assertThatThrownBy(() -> TenantContext.run("alpha", () -> executor.execute(push, done -> {
            if (done >= 2) {
                throw new IllegalStateException("simulated failure after the first chunk");
            }
        }))).hasMessageContaining("simulated failure");
        f.inAlpha(() -> {
            store.markFailed(push, "simulated failure after the first chunk");
            return null;
        });
        assertThat(f.courseItems(f.mat1.id())).noneMatch(r -> "S2".equals(r.get("code")));

        UUID undo = runs.undo(push);

        assertThat(export()).isEqualTo(before);
        assertThat(pushes.reportRows(undo)).extracting(ReportRow::courseId).containsOnly(f.eng1.id(), f.eng2.id());
        assertThat(view(undo).status()).isEqualTo(PushStatus.COMPLETED);
    }

    @Test
    void an_undo_interrupted_after_its_first_chunk_resumes_and_reports_what_its_preview_showed() {
        f.eng.with(task("S2", "Semester 2"));
        f.mat.with(task("S2", "Semester 2"));
        String before = export();
        UUID push = runs.run(catalog(f, PushMode.OVERWRITE));
        UndoPreview preview = undoService.undoPreview(push);
        assertThat(preview.restores()).extracting(UndoPreview.Restore::courseId)
                .containsExactly(f.eng1.id(), f.eng2.id(), f.mat1.id());
        assertThat(preview.untouched()).isEmpty();
        assertThat(export()).isNotEqualTo(before);
        UUID undo = f.inAlpha(() -> undos.create(undos.requireUndoable(push), "alpha.push", null, PushStatus.QUEUED));

        assertThatThrownBy(() -> TenantContext.run("alpha", () -> executor.execute(undo, done -> {
            if (done >= 2) {
                throw new IllegalStateException("simulated crash after the first chunk");
            }
        }))).hasMessageContaining("simulated crash");
        assertThat(view(undo).status()).isEqualTo(PushStatus.RUNNING);
        PushStatus status = TenantContext.call("alpha", () -> executor.execute(undo, done -> {
        }));

        assertThat(status).isEqualTo(PushStatus.COMPLETED);
        assertThat(export()).isEqualTo(before);
        List<UndoPreview.Change> shown = preview.restores().stream().flatMap(r -> r.changes().stream()).toList();
        assertThat(pushes.reportRows(undo)).extracting(r -> new UndoPreview.Change(r.section(), r.dataType(),
                r.item(), r.outcome(), r.message())).isEqualTo(shown);
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_course_result"
                + " where request_id = ?", Long.class, undo))).isEqualTo(3);
    }

    @Test
    void a_second_undo_an_undo_of_an_undo_and_an_undo_of_a_purged_push_are_refused_saying_why() {
        f.eng.with(task("S2", "Semester 2"));
        UUID push = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        UUID undo = runs.undo(push);

        assertThatThrownBy(() -> undoService.undo(push)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("undone already, by undo request " + undo + " (COMPLETED)");
        assertThatThrownBy(() -> undoService.undoPreview(push)).isInstanceOf(PushStateException.class)
                .hasMessageContaining(undo.toString());
        assertThatThrownBy(() -> undoService.undo(undo)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("an undo cannot itself be undone");

        f.mat.with(task("S2", "Semester 2"));
        UUID purged = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        f.inAlpha(() -> f.jdbc.update("with p as (update push_request set changes_purged_at = now() where id = ?)"
                + " delete from push_change where request_id = ?", purged, purged));
        assertThatThrownBy(() -> undoService.undo(purged)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("cascade.push.changes.retention").hasMessageContaining("purged on");

        UUID nothing = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        assertThatThrownBy(() -> undoService.undo(nothing)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("kept no changes");
        UUID queued = f.inAlpha(() -> store.create(catalog(f, PushMode.PUSH_LOCKED), "alpha.push",
                PushStatus.QUEUED, Instant.now()));
        assertThatThrownBy(() -> undoService.undo(queued)).isInstanceOf(PushStateException.class)
                .hasMessageContaining("Only a finished push can be undone; this one is QUEUED");
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_request where kind = 'UNDO'",
                Long.class))).isEqualTo(1);
        assertThat(f.inAlpha(() -> undos.undoable(List.of(push, undo, purged, nothing, queued)))).isEmpty();
    }

    @Test
    void an_undone_course_keeps_no_memo_so_the_next_push_plans_it_again() {
        f.eng.with(task("S2", "Semester 2"));
        UUID push = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_course_memo where course_id = ?",
                Long.class, f.eng1.id()))).isOne();

        runs.undo(push);

        assertThat(f.inAlpha(() -> f.jdbc.queryForObject("select count(*) from push_course_memo where course_id = ?",
                Long.class, f.eng1.id()))).isZero();
        UUID again = runs.run(catalog(f, PushMode.PUSH_LOCKED));
        assertThat(f.courseItems(f.eng1.id())).anyMatch(r -> "S2".equals(r.get("code")));
        assertThat(rowsOf(again, f.eng1.id())).isEqualTo(rowsOf(push, f.eng1.id()));
    }
}
