package app.cascade.exchange.internal;

import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Assignment;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Catalog;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.DistrictDocument.PostedGrade;
import app.cascade.exchange.DistrictDocument.School;
import app.cascade.exchange.DistrictDocument.SchoolYear;
import app.cascade.exchange.DistrictDocument.Score;
import app.cascade.exchange.DistrictDocument.Section;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static app.cascade.exchange.internal.DistrictImporter.at;
import static app.cascade.exchange.internal.DistrictImporter.catalogKey;
import static app.cascade.exchange.internal.DistrictImporter.invalid;
import static app.cascade.exchange.internal.DistrictImporter.key;
import static app.cascade.exchange.internal.DistrictImporter.keySpace;

/**
 * The checks of one import that need no database, run before the first write: the document is for this district,
 * every UUID is declared once, every natural key (school year, catalog, master, master item key, school, calendar,
 * term, course, section, score, posted grade) once, and a school year ends after it starts. Remembers where each UUID
 * is declared and what it is, for the reference checks of the writes ({@link SchoolWrites}).
 */
final class DocumentChecks {

    private final String district;
    private final DistrictDocument doc;
    /** Every UUID of the document, with the path that declares it and what it is. */
    private final Map<UUID, String> declaredAt = new HashMap<>();
    private final Map<UUID, String> declaredKind = new HashMap<>();

    DocumentChecks(String district, DistrictDocument doc) {
        this.district = district;
        this.doc = doc;
    }

    Map<UUID, String> declaredAt() {
        return declaredAt;
    }

    Map<UUID, String> declaredKind() {
        return declaredKind;
    }

    void checkDocument() {
        if (doc.district() != null && !doc.district().equals(district)) {
            throw invalid("$.district", "the document is for district \"" + doc.district()
                    + "\", not for \"" + district + "\"");
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < doc.schoolYears().size(); i++) {
            SchoolYear year = doc.schoolYears().get(i);
            String path = at("$", "schoolYears", i);
            unique(seen, "year:" + year.code(), path + ".code", "school year " + year.code());
            if (!year.endDate().isAfter(year.startDate())) {
                throw invalid(path + ".endDate", "must be after startDate " + year.startDate());
            }
        }
        for (int c = 0; c < doc.catalogs().size(); c++) {
            Catalog catalog = doc.catalogs().get(c);
            String cPath = at("$", "catalogs", c);
            unique(seen, "catalog:" + catalogKey(catalog.name()), cPath + ".name",
                    "catalog \"" + catalog.name() + "\"");
            for (int m = 0; m < catalog.masters().size(); m++) {
                Master master = catalog.masters().get(m);
                String mPath = at(cPath, "masters", m);
                unique(seen, "master:" + catalogKey(catalog.name()) + "|" + master.number(), mPath + ".number",
                        "master " + master.number() + " in catalog \"" + catalog.name() + "\"");
                for (int k = 0; k < master.items().size(); k++) {
                    Item item = master.items().get(k);
                    String iPath = at(mPath, "items", k);
                    declare(item.id(), iPath, "master item");
                    unique(seen, "mkey:" + catalogKey(catalog.name()) + "|" + master.number() + "|"
                                    + keySpace(item.type()) + "|" + key(item), iPath,
                            item.type() + " with key \"" + key(item) + "\" in master " + master.number());
                }
            }
        }
        for (int s = 0; s < doc.schools().size(); s++) {
            School school = doc.schools().get(s);
            String sPath = at("$", "schools", s);
            unique(seen, "school:" + school.code(), sPath + ".code", "school " + school.code());
            for (int y = 0; y < school.calendars().size(); y++) {
                Calendar calendar = school.calendars().get(y);
                String yPath = at(sPath, "calendars", y);
                String calKey = school.code() + "|" + calendar.year();
                unique(seen, "calendar:" + calKey, yPath + ".year",
                        "calendar of school " + school.code() + " for " + calendar.year());
                for (int t = 0; t < calendar.terms().size(); t++) {
                    unique(seen, "term:" + calKey + "|" + calendar.terms().get(t).code(),
                            at(yPath, "terms", t) + ".code", "term " + calendar.terms().get(t).code());
                }
                for (int k = 0; k < calendar.courses().size(); k++) {
                    checkCourse(calendar.courses().get(k), at(yPath, "courses", k), calKey, seen);
                }
            }
        }
    }

    private void checkCourse(Course course, String path, String calKey, Map<String, String> seen) {
        String courseKey = calKey + "|" + course.number();
        unique(seen, "course:" + courseKey, path + ".number", "course " + course.number());
        for (int i = 0; i < course.items().size(); i++) {
            declare(course.items().get(i).id(), at(path, "items", i), "course item");
        }
        for (int x = 0; x < course.sections().size(); x++) {
            Section section = course.sections().get(x);
            String xPath = at(path, "sections", x);
            String sectionKey = courseKey + "|" + section.number();
            unique(seen, "section:" + sectionKey, xPath + ".number", "section " + section.number());
            for (int i = 0; i < section.items().size(); i++) {
                declare(section.items().get(i).id(), at(xPath, "items", i), "section item");
            }
            for (int a = 0; a < section.assignments().size(); a++) {
                Assignment assignment = section.assignments().get(a);
                String aPath = at(xPath, "assignments", a);
                declare(assignment.id(), aPath, "assignment");
                for (int k = 0; k < assignment.scores().size(); k++) {
                    Score score = assignment.scores().get(k);
                    declare(score.id(), at(aPath, "scores", k), "score");
                    unique(seen, "score:" + assignment.id() + "|" + score.student(),
                            at(aPath, "scores", k) + ".student", "score of student " + score.student());
                }
                for (int k = 0; k < assignment.comments().size(); k++) {
                    declare(assignment.comments().get(k).id(), at(aPath, "comments", k), "comment");
                }
            }
            for (int g = 0; g < section.postedGrades().size(); g++) {
                PostedGrade grade = section.postedGrades().get(g);
                String gPath = at(xPath, "postedGrades", g);
                declare(grade.id(), gPath, "posted grade");
                unique(seen, "grade:" + sectionKey + "|" + grade.task() + "|" + grade.term() + "|"
                                + grade.student(), gPath,
                        "posted grade of student " + grade.student() + " for this task and term " + grade.term());
            }
        }
    }

    private void declare(UUID id, String path, String kind) {
        String previous = declaredAt.putIfAbsent(id, path);
        if (previous != null) {
            throw invalid(path + ".id", "duplicate id " + id + " (already used at " + previous + ")");
        }
        declaredKind.put(id, kind);
    }

    private void unique(Map<String, String> seen, String key, String path, String what) {
        String previous = seen.putIfAbsent(key, path);
        if (previous != null) {
            throw invalid(path, "duplicate " + what + " (already at " + previous + ")");
        }
    }
}
