package app.cascade.push;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.DistrictFixture;
import app.cascade.catalog.ItemSpec;
import app.cascade.catalog.LakesideHighFixture;
import app.cascade.grading.ItemType;
import app.cascade.tenancy.TenantContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.cascade.catalog.ItemSpec.category;

/**
 * The district most push scenarios start from, in district {@code alpha}: two years (25-26 past, 26-27 current), a
 * High School Catalog locking everything, masters ENG101 and MAT101, two ENG101 courses and one MAT101 course in
 * 26-27 (each with two sections holding copies of the section-level setup), one ENG101 course in 25-26, and a course
 * with no master. Everything starts in sync, as after a push.
 */
final class PushFixture extends LakesideHighFixture {

    final String district;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    DistrictFixture.CourseFixture engPast;
    DistrictFixture.CourseFixture art;

    PushFixture(ApplicationContext context) {
        this(context, "alpha");
    }

    /** The same data in another test district (e.g. {@code beta}). */
    PushFixture(ApplicationContext context, String district) {
        super(DistrictFixture.in(district, context).wipe());
        this.district = district;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** Lakeside High ({@link LakesideHighFixture}), then an ENG101 course in 25-26 and ART100 with no master. */
    PushFixture build(CatalogLock... locks) {
        buildLakesideHigh(locks.length == 0 ? CatalogLock.values() : locks);
        engPast = d.course(calendarPast, eng).copyAllFromMaster();
        engPast.section("1", "Ms. Rivera").copyAllFromCourse();
        art = d.course(calendarCurrent, "ART100", "Studio Art");
        art.unlinked(category("Tests", "10"), app.cascade.grading.Origin.COURSE).section("1", "Mx. Lee");
        return this;
    }

    UUID masterItem(DistrictFixture.MasterFixture master, ItemType type, String key) {
        return master.itemId(type, key);
    }

    /** In the fixture's district ({@code alpha} unless another was given), in a transaction. */
    <T> T inAlpha(java.util.function.Supplier<T> work) {
        return TenantContext.call(district, () -> tx.execute(s -> work.get()));
    }

    List<Map<String, Object>> courseItems(long courseId) {
        return inAlpha(() -> jdbc.queryForList("""
                select item_type, code, name, task_code, term_code, calc_method, master_item_id, origin, residual,
                       forced_no_calc, match_key from course_item where course_id = ? order by item_type, match_key, id
                """, courseId));
    }

    List<Map<String, Object>> sectionItems(long sectionId) {
        return inAlpha(() -> jdbc.queryForList("""
                select id, item_type, name, task_code, term_code, calc_method, course_item_id, origin, residual,
                       forced_no_calc, match_key from section_item where section_id = ? order by item_type, match_key, id
                """, sectionId));
    }

    /** Every row of every district table except the push bookkeeping, as text, sorted: equal means unchanged. */
    List<String> snapshot() {
        return inAlpha(() -> {
            List<String> rows = new java.util.ArrayList<>();
            for (String table : List.of("school_year", "course_catalog", "catalog_lock", "school", "calendar", "term",
                    "course_master", "master_item", "course", "course_item", "section", "section_item", "assignment",
                    "score", "assignment_comment", "posted_grade")) {
                jdbc.query("select t::text from " + table + " t", rs -> {
                    rows.add(table + ":" + rs.getString(1));
                });
            }
            java.util.Collections.sort(rows);
            return rows;
        });
    }

    /** Gradebook counts: assignments, scores, comments, posted grades. */
    List<Long> gradebook() {
        return inAlpha(() -> List.of(
                jdbc.queryForObject("select count(*) from assignment", Long.class),
                jdbc.queryForObject("select count(*) from score", Long.class),
                jdbc.queryForObject("select count(*) from assignment_comment", Long.class),
                jdbc.queryForObject("select count(*) from posted_grade", Long.class)));
    }

    /** See {@link DistrictFixture#assignment}. */
    UUID assignment(long sectionId, UUID categoryItem, UUID taskItem) {
        return d.assignment(sectionId, categoryItem, taskItem);
    }

    /** See {@link DistrictFixture#postedGrade(long, UUID, String)}. */
    void postedGrade(long sectionId, UUID taskItem, String term) {
        d.postedGrade(sectionId, taskItem, term);
    }

    UUID courseItemId(long courseId, String type, String key) {
        return d.query("select id from course_item where course_id = ? and item_type = ? and match_key = ?",
                UUID.class, courseId, type, key);
    }

    /** Forgets every push request and notification of the district (tests that count the queue). */
    void clearRequests() {
        inAlpha(() -> {
            jdbc.execute("truncate notification, push_request, push_change, push_item_change cascade");
            return null;
        });
    }

    UUID sectionItemId(long sectionId, String type, String key) {
        return inAlpha(() -> jdbc.queryForObject("select id from section_item where section_id = ? and item_type = ?"
                + " and match_key = ? order by created_at limit 1", UUID.class, sectionId, type, key));
    }

    static ItemSpec spec(ItemSpec s) {
        return s;
    }
}
