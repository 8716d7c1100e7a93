package app.cascade.reports;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DataType;
import app.cascade.catalog.DistrictFixture;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.assessment;
import static app.cascade.catalog.ItemSpec.calcOption;
import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;

/**
 * The district the report tests start from, in {@code alpha}, everything in sync as after a push: years 25-26 and
 * 26-27; a High School Catalog locking everything with masters ENG101 and MAT101 and, at Lakeside High in 26-27, two
 * ENG101 courses and one MAT101 course with sections; a Middle School Catalog (everything locked) with master SCI7 and
 * one course at Maple Middle in 26-27.
 */
final class ReportsFixture {

    final DistrictFixture d;
    long past;
    long current;
    long catalog;
    long middleCatalog;
    long lakeside;
    long maple;
    DistrictFixture.MasterFixture eng;
    DistrictFixture.MasterFixture mat;
    DistrictFixture.MasterFixture sci;
    DistrictFixture.CourseFixture eng1;
    DistrictFixture.CourseFixture eng2;
    DistrictFixture.CourseFixture mat1;
    DistrictFixture.CourseFixture sci1;
    long eng1Section1;
    long eng1Section2;
    long eng2Section1;

    ReportsFixture(ApplicationContext context) {
        d = DistrictFixture.in("alpha", context).wipe();
        past = d.year("25-26", LocalDate.of(2025, 8, 1), LocalDate.of(2026, 6, 30));
        current = d.year("26-27", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        catalog = d.catalog("High School Catalog", CatalogLock.values());
        middleCatalog = d.catalog("Middle School Catalog", CatalogLock.values());
        lakeside = d.school("LHS", "Lakeside High", catalog);
        maple = d.school("MMS", "Maple Middle", middleCatalog);
        d.calendar(lakeside, past, "Q1", "Q2", "Q3", "Q4");
        long calendar = d.calendar(lakeside, current, "Q1", "Q2", "Q3", "Q4");
        long middleCalendar = d.calendar(maple, current, "Q1", "Q2");
        eng = d.master(catalog, "ENG101", "English 9").info("SC-ENG", "1", "Ninth grade English")
                .department("English")
                .with(task("S1", "Semester 1"), task("Q3", "Quarter 3"), category("Tests", "60"),
                        category("Homework", "40"), assessment("A1", "Final exam"),
                        calcOption("S1", "Q1", "POINTS"), calcOption("Q3", "Q1", "WEIGHTED"));
        mat = d.master(catalog, "MAT101", "Algebra I").info("SC-MAT", "1", "Algebra").department("Math")
                .with(task("S1", "Semester 1"), category("Tests", "50"));
        sci = d.master(middleCatalog, "SCI7", "Science 7").with(task("S1", "Semester 1"), category("Labs", "30"));
        eng1 = d.course(calendar, eng).copyAllFromMaster();
        eng1Section1 = eng1.section("1", "Ms. Rivera").copyAllFromCourse().id();
        eng1Section2 = eng1.section("2", "Mr. Chen").copyAllFromCourse().id();
        eng2 = d.course(calendar, "ENG101-B", "English 9 (B)").linkTo(eng).copyAllFromMaster();
        eng2Section1 = eng2.section("1", "Ms. Patel").copyAllFromCourse().id();
        d.update("update course c set name = m.name, state_code = m.state_code, department = m.department,"
                + " credits = m.credits, gpa_weight = m.gpa_weight, description = m.description"
                + " from course_master m where m.id = c.master_id and c.id = ?", eng2.id());
        mat1 = d.course(calendar, mat).copyAllFromMaster();
        mat1.section("1", "Mr. Okafor").copyAllFromCourse();
        sci1 = d.course(middleCalendar, sci).copyAllFromMaster();
        sci1.section("1", "Ms. Gray").copyAllFromCourse();
    }

    UUID sectionItem(long sectionId, DataType type, String matchKey) {
        return d.query("select id from section_item where section_id = ? and item_type = ? and match_key = ?"
                + " order by created_at limit 1", UUID.class, sectionId, type.name(), matchKey);
    }
}
