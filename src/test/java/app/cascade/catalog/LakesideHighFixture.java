package app.cascade.catalog;

import java.time.LocalDate;

import static app.cascade.catalog.ItemSpec.assessment;
import static app.cascade.catalog.ItemSpec.calcOption;
import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;

/**
 * Lakeside High, the part of the district that the push scenarios' {@code PushFixture} and the reports'
 * {@code ReportsFixture} share (each adds its own courses and schools afterwards): years 25-26 (past) and 26-27
 * (current); a High School Catalog with masters ENG101 and MAT101; school LHS with a calendar per year; in 26-27
 * course ENG101 (sections 1 and 2), ENG101-B linked to ENG101 (section 1) and MAT101 (section 1). Every course and
 * section holds copies of its master's setup, as after a push.
 */
public abstract class LakesideHighFixture {

    public final DistrictFixture d;
    public long past;
    public long current;
    public long catalog;
    public long lakeside;
    public long calendarPast;
    public long calendarCurrent;
    public DistrictFixture.MasterFixture eng;
    public DistrictFixture.MasterFixture mat;
    public DistrictFixture.CourseFixture eng1;
    public DistrictFixture.CourseFixture eng2;
    public DistrictFixture.CourseFixture mat1;
    public long eng1Section1;
    public long eng1Section2;
    public long eng2Section1;

    /** @param d a wiped district */
    protected LakesideHighFixture(DistrictFixture d) {
        this.d = d;
    }

    /** Writes Lakeside High; the High School Catalog locks {@code locks}. */
    protected void buildLakesideHigh(CatalogLock... locks) {
        past = d.year("25-26", LocalDate.of(2025, 8, 1), LocalDate.of(2026, 6, 30));
        current = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        catalog = d.catalog("High School Catalog", locks);
        lakeside = d.school("LHS", "Lakeside High", catalog);
        calendarPast = d.calendar(lakeside, past, "Q1", "Q2", "Q3", "Q4");
        calendarCurrent = d.calendar(lakeside, current, "Q1", "Q2", "Q3", "Q4");
        eng = d.master(catalog, "ENG101", "English 9").info("SC-ENG", "1", "Ninth grade English")
                .department("English")
                .with(task("S1", "Semester 1"), task("Q3", "Quarter 3"), category("Tests", "60"),
                        category("Homework", "40"), assessment("A1", "Final exam"),
                        calcOption("S1", "Q1", "POINTS"), calcOption("Q3", "Q1", "WEIGHTED"));
        mat = d.master(catalog, "MAT101", "Algebra I").info("SC-MAT", "1", "Algebra").department("Math")
                .with(task("S1", "Semester 1"), category("Tests", "50"));
        eng1 = d.course(calendarCurrent, eng).copyAllFromMaster();
        eng1Section1 = eng1.section("1", "Ms. Rivera").copyAllFromCourse().id();
        eng1Section2 = eng1.section("2", "Mr. Chen").copyAllFromCourse().id();
        eng2 = d.course(calendarCurrent, "ENG101-B", "English 9 (B)").linkTo(eng).copyAllFromMaster();
        eng2Section1 = eng2.section("1", "Ms. Patel").copyAllFromCourse().id();
        mat1 = d.course(calendarCurrent, mat).copyAllFromMaster();
        mat1.section("1", "Mr. Okafor").copyAllFromCourse();
    }
}
