package app.cascade.push;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.TestUsers;
import app.cascade.grading.ItemType;
import app.cascade.grading.LockType;
import app.cascade.push.engine.PushMode;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;

/**
 * A real push (Push locked data) in district {@code alpha} whose results count something in every column the API
 * shows: a course pushed (an item created, one updated, and two whose master item was removed: one deleted, one kept
 * as course managed because it has an assignment), a course skipped (Ignore Master Push) and a desynced one. Run through the production path
 * ({@link PushRuns}) as {@code alpha.push}, who stays signed in until {@link TestUsers#signOut()}.
 */
final class PushWithResults {

    private PushWithResults() {
    }

    static UUID run(ApplicationContext context) {
        DistrictFixture d = DistrictFixture.in("alpha", context).wipe();
        long year = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        long catalog = d.catalog("High School Catalog", CatalogLock.values());
        long calendar = d.calendar(d.school("LHS", "Lakeside High", catalog), year, "Q1", "Q2");
        DistrictFixture.MasterFixture eng = d.master(catalog, "ENG101", "English 9")
                .with(task("S1", "Semester 1"), category("Tests", "60"), task("X1", "Extra credit"),
                        task("X2", "Unused"));
        DistrictFixture.MasterFixture other = d.master(catalog, "MAT101", "Algebra I").with(task("S1", "Semester 1"));
        DistrictFixture.CourseFixture pushed = d.course(calendar, eng).copyAllFromMaster();
        long section = pushed.section("1", "Ms. Rivera").copyAllFromCourse().id();
        d.assignment(section, null, pushed.itemId(ItemType.TASK, "X1"));
        d.update("delete from master_item where master_id = ? and code in ('X1', 'X2')", eng.id());
        d.course(calendar, "ENG101-B", "English 9, Period B").linkTo(eng).ignoreMasterPush();
        d.course(calendar, "ENG101-C", "English 9 C").linkTo(eng)
                .copyFromMaster(other.itemId(ItemType.TASK, "S1"));
        eng.with(task("S2", "Semester 2"));
        d.update("update master_item set name = 'Semester One' where master_id = ? and code = 'S1'", eng.id());
        TestUsers.signIn(context, "alpha.push");
        return PushRuns.of(context).run(PushCommand.catalog(catalog, year, PushMode.PUSH_LOCKED, true,
                EnumSet.allOf(LockType.class)));
    }
}
