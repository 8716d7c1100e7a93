package app.cascade.reports;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.LakesideHighFixture;
import app.cascade.grading.ItemType;
import org.springframework.context.ApplicationContext;

import java.util.UUID;

import static app.cascade.catalog.ItemSpec.category;
import static app.cascade.catalog.ItemSpec.task;

/**
 * The district the report tests start from, in {@code alpha}, everything in sync as after a push: years 25-26 and
 * 26-27; a High School Catalog locking everything with masters ENG101 and MAT101 and, at Lakeside High in 26-27, two
 * ENG101 courses and one MAT101 course with sections; a Middle School Catalog (everything locked) with master SCI7 and
 * one course at Maple Middle in 26-27.
 */
final class ReportsFixture extends LakesideHighFixture {

    long middleCatalog;
    long maple;
    DistrictFixture.MasterFixture sci;
    DistrictFixture.CourseFixture sci1;

    /** Lakeside High ({@link LakesideHighFixture}), ENG101-B's info as ENG101's, then Maple Middle. */
    ReportsFixture(ApplicationContext context) {
        super(DistrictFixture.in("alpha", context).wipe());
        buildLakesideHigh(CatalogLock.values());
        d.update("update course c set name = m.name, state_code = m.state_code, department = m.department,"
                + " credits = m.credits, gpa_weight = m.gpa_weight, description = m.description"
                + " from course_master m where m.id = c.master_id and c.id = ?", eng2.id());
        middleCatalog = d.catalog("Middle School Catalog", CatalogLock.values());
        maple = d.school("MMS", "Maple Middle", middleCatalog);
        long middleCalendar = d.calendar(maple, current, "Q1", "Q2");
        sci = d.master(middleCatalog, "SCI7", "Science 7").with(task("S1", "Semester 1"), category("Labs", "30"));
        sci1 = d.course(middleCalendar, sci).copyAllFromMaster();
        sci1.section("1", "Ms. Gray").copyAllFromCourse();
    }

    UUID sectionItem(long sectionId, ItemType type, String matchKey) {
        return d.query("select id from section_item where section_id = ? and item_type = ? and match_key = ?"
                + " order by created_at limit 1", UUID.class, sectionId, type.name(), matchKey);
    }
}
