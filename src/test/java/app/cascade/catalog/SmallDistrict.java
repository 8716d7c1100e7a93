package app.cascade.catalog;

import app.cascade.catalog.DistrictFixture.CourseFixture;
import app.cascade.catalog.DistrictFixture.MasterFixture;
import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;

import java.time.LocalDate;

import static app.cascade.catalog.ItemSpec.assessment;
import static app.cascade.catalog.ItemSpec.calcOption;
import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.composite;
import static app.cascade.catalog.ItemSpec.standard;
import static app.cascade.catalog.ItemSpec.task;

/**
 * A small district that covers every state the catalog screens show. All names start with {@code prefix}, so two
 * districts filled with this fixture can be told apart.
 * <ul>
 *   <li>Catalog "{prefix} High School Catalog" locks Course Info {@code name} and {@code credits}, tasks &amp;
 *       standards, categories and assessments (not calc options or composites). School HS is assigned to it. It holds
 *       five masters: ART-101, ENG-101, HIST-101, MATH-101, SCI-101.</li>
 *   <li>Catalog "{prefix} Middle School Catalog": no locks, no masters, school MS assigned.</li>
 *   <li>Year 24-25 with calendar HS 24-25 (terms T1, T2); year 23-24 without calendars.</li>
 *   <li>Course ENG-101 (LINKED): every master item copied and linked, plus an unlinked course category
 *       "Participation" and a residual task OLD. Section 1 (Ms. Rivera) has copies of the section-level items and a
 *       teacher category "Reading log"; section 2 (Mr. Chen) has none.</li>
 *   <li>Course MATH-101 (DESYNCED, condition 3): Q1 linked, Q2 unlinked (detached) although the master has Q2.</li>
 *   <li>Course ART-101 (IGNORE): linked copies, Ignore Master Push.</li>
 *   <li>Course CLUB-1 (UNLINKED): no master.</li>
 * </ul>
 */
public record SmallDistrict(long yearId, long emptyYearId, long catalogId, long otherCatalogId, long highSchoolId,
                            long middleSchoolId, long calendarId, MasterFixture english, MasterFixture math,
                            CourseFixture englishCourse, CourseFixture mathCourse, CourseFixture artCourse,
                            CourseFixture clubCourse) {

    public static final String PARTS = "[{\"taskCode\": \"Q1\", \"termCode\": \"T1\", \"weight\": 1}]";

    public static SmallDistrict insert(DistrictFixture d, String prefix) {
        long year = d.year("24-25", LocalDate.of(2024, 8, 1), LocalDate.of(2025, 7, 31));
        long emptyYear = d.year("23-24", LocalDate.of(2023, 8, 1), LocalDate.of(2024, 7, 31));
        long catalog = d.catalog(prefix + " High School Catalog", CatalogLock.NAME, CatalogLock.CREDITS,
                CatalogLock.TASKS_STANDARDS, CatalogLock.CATEGORIES, CatalogLock.ASSESSMENTS);
        long other = d.catalog(prefix + " Middle School Catalog");
        long high = d.school("HS", prefix + " High", catalog);
        long middle = d.school("MS", prefix + " Middle", other);
        long calendar = d.calendar(high, year, "T1", "T2");

        MasterFixture english = d.master(catalog, "ENG-101", "English I").department("Language Arts")
                .info("ENG1", "1.00", "Reading and writing")
                .with(task("Q1", "Quarter 1"), standard("RL.1", "Reading literature"), category("Homework", "40"),
                        category("Tests", "60"), assessment("FINAL", "Final exam"), calcOption("Q1", "T1", "POINTS"),
                        composite("Q1", "T2", "Semester", PARTS));
        MasterFixture math = d.master(catalog, "MATH-101", "Algebra I").department("Mathematics")
                .with(task("Q1", "Quarter 1"), task("Q2", "Quarter 2"), category("Homework", "50"));
        MasterFixture art = d.master(catalog, "ART-101", "Studio Art").department("Fine Arts")
                .with(task("Q1", "Quarter 1"), category("Projects", "100"));
        d.master(catalog, "SCI-101", "Biology").department("Science");
        d.master(catalog, "HIST-101", "World History").department("Social Studies");

        CourseFixture englishCourse = d.course(calendar, english).copyAllFromMaster()
                .unlinked(category("Participation", "10"), Origin.COURSE)
                .residual(task("OLD", "Old quarter"));
        englishCourse.section("1", "Ms. Rivera").copyAllFromCourse().teacherItem(category("Reading log", "5"));
        englishCourse.section("2", "Mr. Chen");

        CourseFixture mathCourse = d.course(calendar, math)
                .copyFromMaster(math.itemId(ItemType.TASK, "Q1"))
                .copyFromMaster(math.itemId(ItemType.CATEGORY, "homework"))
                .unlinked(task("Q2", "Quarter 2"), Origin.MASTER);
        CourseFixture artCourse = d.course(calendar, art).copyAllFromMaster().ignoreMasterPush();
        CourseFixture clubCourse = d.course(calendar, "CLUB-1", "Chess Club");
        clubCourse.unlinked(category("Games", "100"), Origin.COURSE);

        return new SmallDistrict(year, emptyYear, catalog, other, high, middle, calendar, english, math,
                englishCourse, mathCourse, artCourse, clubCourse);
    }
}
