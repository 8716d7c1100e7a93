package app.cascade.exchange.internal;

import app.cascade.catalog.CourseInfoValues;
import app.cascade.catalog.ItemEdit;
import app.cascade.catalog.SetupEditException;
import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Catalog;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.DistrictDocument.School;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.DistrictDocument.Term;
import app.cascade.exchange.ExchangeValidationException.Problem;
import app.cascade.grading.ItemType;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a document's values that need no database, checked before anything is written: the editors' own rules
 * (decision 0004, the catalog's {@link ItemEdit#validateSetupFor} and {@link CourseInfoValues#validateForMaster}) for
 * every master and every master, course and section item, exactly as the master and course editors apply them, and a
 * term never ends before it starts. The rules that look at the district's rows too (unique keys, references to the
 * master's tasks) run in {@link DistrictImporter}, with the same catalog rules.
 */
final class DocumentRules {

    private final JsonMapper mapper;
    private final int limit;
    private final List<Problem> problems = new ArrayList<>();

    private DocumentRules(JsonMapper mapper, int limit) {
        this.mapper = mapper;
        this.limit = limit;
    }

    /** Every problem of {@code document}, each with its JSON path, at most {@code limit}. */
    static List<Problem> problems(DistrictDocument document, JsonMapper mapper, int limit) {
        DocumentRules rules = new DocumentRules(mapper, limit);
        rules.check(document);
        return List.copyOf(rules.problems);
    }

    /** An item's values as the editors receive them; {@code parts} as the JSON that is stored. */
    static ItemEdit edit(Item item, JsonMapper mapper) {
        return new ItemEdit(item.code(), item.name(), item.taskCode(), item.termCode(), item.weight(), item.seq(),
                item.calcMethod(), item.rounding(),
                item.parts() == null ? null : mapper.writeValueAsString(item.parts()));
    }

    /** The JSON path of the value a catalog rule refused: the object's path plus the field the rule names. */
    static String pathOf(String objectPath, SetupEditException refusal) {
        return refusal.field() == null ? objectPath : objectPath + "." + refusal.field();
    }

    private void check(DistrictDocument document) {
        for (int c = 0; c < document.catalogs().size(); c++) {
            Catalog catalog = document.catalogs().get(c);
            for (int m = 0; m < catalog.masters().size(); m++) {
                Master master = catalog.masters().get(m);
                String path = "$.catalogs[" + c + "].masters[" + m + "]";
                CourseInfoValues info = new CourseInfoValues(master.name(), master.stateCode(), master.department(),
                        master.credits(), master.gpaWeight(), master.description());
                apply(path, info::validateForMaster);
                items(path, master.items());
            }
        }
        for (int s = 0; s < document.schools().size(); s++) {
            School school = document.schools().get(s);
            for (int y = 0; y < school.calendars().size(); y++) {
                Calendar calendar = school.calendars().get(y);
                String path = "$.schools[" + s + "].calendars[" + y + "]";
                for (int t = 0; t < calendar.terms().size(); t++) {
                    term(path + ".terms[" + t + "]", calendar.terms().get(t));
                }
                for (int k = 0; k < calendar.courses().size(); k++) {
                    Course course = calendar.courses().get(k);
                    String coursePath = path + ".courses[" + k + "]";
                    items(coursePath, course.items());
                    for (int x = 0; x < course.sections().size(); x++) {
                        Section section = course.sections().get(x);
                        items(coursePath + ".sections[" + x + "]", section.items());
                    }
                }
            }
        }
    }

    private void items(String ownerPath, List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ItemEdit edit = edit(item, mapper);
            ItemType type = ItemType.valueOf(item.type());
            apply(ownerPath + ".items[" + i + "]", () -> edit.validateSetupFor(type));
        }
    }

    private void term(String path, Term term) {
        if (term.startDate() != null && term.endDate() != null && term.endDate().isBefore(term.startDate())) {
            add(new Problem(path + ".endDate", "the term ends before it starts (startDate " + term.startDate()
                    + ")"));
        }
    }

    private void apply(String path, Runnable rule) {
        try {
            rule.run();
        } catch (SetupEditException refusal) {
            add(new Problem(pathOf(path, refusal), refusal.getMessage()));
        }
    }

    private void add(Problem problem) {
        if (problems.size() < limit) {
            problems.add(problem);
        }
    }
}
