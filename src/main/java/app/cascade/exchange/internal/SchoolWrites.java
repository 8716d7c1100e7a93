package app.cascade.exchange.internal;

import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.School;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.DistrictDocument.Term;
import app.cascade.exchange.internal.ImportSql.ItemRow;
import app.cascade.exchange.internal.ImportSql.Located;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static app.cascade.exchange.internal.DistrictImporter.at;
import static app.cascade.exchange.internal.DistrictImporter.catalogKey;
import static app.cascade.exchange.internal.DistrictImporter.invalid;
import static app.cascade.exchange.internal.ImportSql.LINKED_ITEM_TYPES;
import static app.cascade.exchange.internal.ImportSql.itemUpsert;

/**
 * The writes of one import for {@code $.schools} up to the items: schools, calendars and their terms, courses, course
 * items, sections and section items. Each write is followed by the checks it enables; a course item's link is checked
 * against the UUIDs the document declares ({@link DocumentChecks}).
 */
final class SchoolWrites {

    private final ImportSql sql;
    private final JdbcTemplate jdbc;
    private final DistrictDocument doc;
    /** From {@link DocumentChecks}: where each UUID of the document is declared, and what it is. */
    private final Map<UUID, String> declaredAt;
    private final Map<UUID, String> declaredKind;

    SchoolWrites(ImportSql sql, JdbcTemplate jdbc, DistrictDocument doc, DocumentChecks checks) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.doc = doc;
        this.declaredAt = checks.declaredAt();
        this.declaredKind = checks.declaredKind();
    }

    Map<String, Long> writeSchools(Map<String, Long> catalogs) {
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < doc.schools().size(); s++) {
            School school = doc.schools().get(s);
            Long catalogId = null;
            if (school.catalog() != null) {
                catalogId = catalogId(catalogs, school.catalog(), at("$", "schools", s) + ".catalog");
            }
            rows.add(new Object[]{school.code(), school.name(), catalogId});
        }
        sql.batch("$.schools", """
                insert into school (code, name, catalog_id) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, catalog_id = excluded.catalog_id
                where (school.name, school.catalog_id) is distinct from (excluded.name, excluded.catalog_id)
                """, new int[]{Types.VARCHAR, Types.VARCHAR, Types.BIGINT}, rows);
        return sql.idsByKey("select id, code from school", rs -> rs.getString(2));
    }

    private long catalogId(Map<String, Long> catalogs, String name, String path) {
        Long id = catalogs.get(catalogKey(name));
        if (id == null) {
            throw invalid(path, "no catalog \"" + name + "\" in the document or the district");
        }
        return id;
    }

    /** The calendars of the document, in document order, each with its database id as {@code parentId}. */
    List<Located<Calendar>> writeCalendars(Map<String, Long> schools, Map<String, Long> years) {
        List<Object[]> rows = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Calendar> docCalendars = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < doc.schools().size(); s++) {
            School school = doc.schools().get(s);
            long schoolId = schools.get(school.code());
            for (int y = 0; y < school.calendars().size(); y++) {
                Calendar calendar = school.calendars().get(y);
                String path = at(at("$", "schools", s), "calendars", y);
                Long yearId = years.get(calendar.year());
                if (yearId == null) {
                    throw invalid(path + ".year", "no school year " + calendar.year()
                            + " in the document or the district");
                }
                rows.add(new Object[]{schoolId, yearId, calendar.name()});
                paths.add(path);
                docCalendars.add(calendar);
                keys.add(schoolId + "|" + yearId);
            }
        }
        sql.batch("$.schools", """
                insert into calendar (school_id, school_year_id, name) values (?, ?, ?)
                on conflict (school_id, school_year_id) do update set name = excluded.name
                where calendar.name is distinct from excluded.name
                """, new int[]{Types.BIGINT, Types.BIGINT, Types.VARCHAR}, rows);
        Map<String, Long> ids = sql.idsByKey("select id, school_id, school_year_id from calendar",
                rs -> rs.getLong(2) + "|" + rs.getLong(3));
        List<Located<Calendar>> located = new ArrayList<>();
        List<Object[]> terms = new ArrayList<>();
        for (int i = 0; i < docCalendars.size(); i++) {
            long calendarId = ids.get(keys.get(i));
            located.add(new Located<>(paths.get(i), docCalendars.get(i), calendarId));
            for (Term t : docCalendars.get(i).terms()) {
                terms.add(new Object[]{calendarId, t.code(), t.seq(), t.startDate(), t.endDate()});
            }
        }
        sql.batch("$.schools", """
                insert into term (calendar_id, code, seq, start_date, end_date) values (?, ?, ?, ?, ?)
                on conflict (calendar_id, code) do update set seq = excluded.seq,
                    start_date = excluded.start_date, end_date = excluded.end_date
                where (term.seq, term.start_date, term.end_date)
                      is distinct from (excluded.seq, excluded.start_date, excluded.end_date)
                """, new int[]{Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.DATE, Types.DATE}, terms);
        return located;
    }

    List<Located<Course>> writeCourses(List<Located<Calendar>> calendars, Map<String, Long> catalogs) {
        Map<String, Long> masters = sql.idsByKey("select id, catalog_id, number from course_master",
                ImportSql::parentAndNumber);
        List<Object[]> rows = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Course> docCourses = new ArrayList<>();
        List<Long> calendarIds = new ArrayList<>();
        for (Located<Calendar> calendar : calendars) {
            List<Course> courses = calendar.value().courses();
            for (int k = 0; k < courses.size(); k++) {
                Course c = courses.get(k);
                String path = at(calendar.path(), "courses", k);
                Long masterId = null;
                if (c.master() != null) {
                    long catalogId = catalogId(catalogs, c.master().catalog(), path + ".master.catalog");
                    masterId = masters.get(catalogId + "|" + c.master().number());
                    if (masterId == null) {
                        throw invalid(path + ".master.number", "no master " + c.master().number()
                                + " in catalog \"" + c.master().catalog() + "\"");
                    }
                }
                rows.add(new Object[]{calendar.parentId(), c.number(), c.name(), c.stateCode(), c.department(),
                        c.credits(), c.gpaWeight(), c.description(), masterId, c.ignoreMasterPushFlag()});
                paths.add(path);
                docCourses.add(c);
                calendarIds.add(calendar.parentId());
            }
        }
        sql.batch("$.schools", """
                insert into course (calendar_id, number, name, state_code, department, credits, gpa_weight,
                                    description, master_id, ignore_master_push)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (calendar_id, number) do update set name = excluded.name,
                    state_code = excluded.state_code, department = excluded.department,
                    credits = excluded.credits, gpa_weight = excluded.gpa_weight,
                    description = excluded.description, master_id = excluded.master_id,
                    ignore_master_push = excluded.ignore_master_push, version = course.version + 1
                where (course.name, course.state_code, course.department, course.credits, course.gpa_weight,
                       course.description, course.master_id, course.ignore_master_push)
                      is distinct from (excluded.name, excluded.state_code, excluded.department,
                       excluded.credits, excluded.gpa_weight, excluded.description, excluded.master_id,
                       excluded.ignore_master_push)
                """, new int[]{Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.BOOLEAN}, rows);
        Map<String, Long> ids = sql.idsByKey("select id, calendar_id, number from course",
                ImportSql::parentAndNumber);
        List<Located<Course>> located = new ArrayList<>();
        for (int i = 0; i < docCourses.size(); i++) {
            located.add(new Located<>(paths.get(i), docCourses.get(i),
                    ids.get(calendarIds.get(i) + "|" + docCourses.get(i).number())));
        }
        return located;
    }

    int writeCourseItems(List<Located<Course>> courses) {
        List<Located<Item>> items = new ArrayList<>();
        for (Located<Course> course : courses) {
            for (int k = 0; k < course.value().items().size(); k++) {
                items.add(new Located<>(at(course.path(), "items", k), course.value().items().get(k),
                        course.parentId()));
            }
        }
        Map<UUID, Long> owner = sql.parentsById("select id, course_id from course_item");
        sql.checkOwners(items, owner, "course item", "another course");
        Set<UUID> notMasterItems = new HashSet<>(owner.keySet());
        jdbc.query("select id from section_item", rs -> {
            notMasterItems.add(rs.getObject(1, UUID.class));
        });
        for (Located<Item> item : items) {
            // a link may name a master item that no longer exists (push-rules §3), but never a non-master row
            UUID link = item.value().link();
            if (link != null && (notMasterItems.contains(link)
                    || (declaredKind.containsKey(link) && !"master item".equals(declaredKind.get(link))))) {
                throw invalid(item.path() + ".link", link + " is not a master item (it is "
                        + Objects.requireNonNullElse(declaredAt.get(link), "a course or section item") + ")");
            }
        }
        sql.batch("$.schools", itemUpsert("course_item", "course_id", "master_item_id"),
                LINKED_ITEM_TYPES, items.stream().map(i -> sql.linkedItemValues(i.value(), i.parentId())).toList());
        return items.size();
    }

    List<Located<Section>> writeSections(List<Located<Course>> courses) {
        List<Object[]> rows = new ArrayList<>();
        for (Located<Course> course : courses) {
            for (Section s : course.value().sections()) {
                rows.add(new Object[]{course.parentId(), s.number(), s.teacher()});
            }
        }
        sql.batch("$.schools", """
                insert into section (course_id, number, teacher) values (?, ?, ?)
                on conflict (course_id, number) do update set teacher = excluded.teacher
                where section.teacher is distinct from excluded.teacher
                """, new int[]{Types.BIGINT, Types.VARCHAR, Types.VARCHAR}, rows);
        Map<String, Long> ids = sql.idsByKey("select id, course_id, number from section",
                ImportSql::parentAndNumber);
        List<Located<Section>> located = new ArrayList<>();
        for (Located<Course> course : courses) {
            for (int x = 0; x < course.value().sections().size(); x++) {
                Section s = course.value().sections().get(x);
                located.add(new Located<>(at(course.path(), "sections", x), s,
                        ids.get(course.parentId() + "|" + s.number())));
            }
        }
        return located;
    }

    int writeSectionItems(List<Located<Section>> sections, List<Located<Course>> courses) {
        Map<UUID, ItemRow> courseItems = sql.courseItems();
        Map<Long, Long> courseOfSection = sql.courseOfSection();
        Map<Long, String> courseNames = new HashMap<>();
        courses.forEach(c -> courseNames.put(c.parentId(), c.value().number()));
        List<Located<Item>> items = new ArrayList<>();
        for (Located<Section> section : sections) {
            long courseId = courseOfSection.get(section.parentId());
            for (int k = 0; k < section.value().items().size(); k++) {
                Item item = section.value().items().get(k);
                String path = at(section.path(), "items", k);
                if (item.link() != null) {
                    ItemRow target = courseItems.get(item.link());
                    if (target == null || target.parentId() != courseId) {
                        throw invalid(path + ".link", item.link() + " is not an item of course "
                                + courseNames.getOrDefault(courseId, "#" + courseId));
                    }
                }
                items.add(new Located<>(path, item, section.parentId()));
            }
        }
        Map<UUID, Long> owner = sql.parentsById("select id, section_id from section_item");
        sql.checkOwners(items, owner, "section item", "another section");
        sql.batch("$.schools", itemUpsert("section_item", "section_id", "course_item_id"),
                LINKED_ITEM_TYPES, items.stream().map(i -> sql.linkedItemValues(i.value(), i.parentId())).toList());
        return items.size();
    }
}
