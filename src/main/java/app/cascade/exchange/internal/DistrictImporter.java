package app.cascade.exchange.internal;

import app.cascade.catalog.SetupEditException;
import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Assignment;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Catalog;
import app.cascade.exchange.DistrictDocument.Comment;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.DistrictDocument.PostedGrade;
import app.cascade.exchange.DistrictDocument.School;
import app.cascade.exchange.DistrictDocument.SchoolYear;
import app.cascade.exchange.DistrictDocument.Score;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.DistrictDocument.Term;
import app.cascade.exchange.ExchangeValidationException;
import app.cascade.exchange.ExchangeValidationException.Problem;
import app.cascade.exchange.ImportSummary;
import app.cascade.grading.ItemType;
import app.cascade.grading.MatchKey;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports a district document into the current tenant's schema: one transaction, JDBC batches of
 * {@code INSERT ... ON CONFLICT DO UPDATE}, never a delete of a row the document does not mention. Every reference is
 * checked (against the document and the rows already in the district) before or right after the batch that needs it;
 * the first bad one throws {@link ExchangeValidationException} and the transaction rolls back entirely.
 *
 * <p>No authorization here: this is the internal entry point (demo loader, {@code DistrictExchangeService}).
 */
@Component
public class DistrictImporter {

    private static final Logger log = LoggerFactory.getLogger(DistrictImporter.class);
    private static final int MAX_REPORTED = 20;

    private final JdbcTemplate jdbc;
    private final JsonMapper mapper;
    private final CurrentTenant currentTenant;
    private final ExchangeSchema schema = new ExchangeSchema();

    public DistrictImporter(JdbcTemplate jdbc, JsonMapper mapper, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.currentTenant = currentTenant;
    }

    /**
     * Parses a document and checks everything about it that needs no database: the schema (types, required fields,
     * lengths), the text rules ({@link DocumentText}) and the editors' rules ({@link DocumentRules}). Every problem
     * found by one of these stages is reported (at most {@value #MAX_REPORTED}).
     */
    public DistrictDocument parse(byte[] json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new ExchangeValidationException("$", "not a JSON document: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ExchangeValidationException("$", "the document is empty");
        }
        List<Problem> problems = new ArrayList<>(schema.problems(tree));
        Set<String> reported = new HashSet<>(problems.stream().map(Problem::path).toList());
        DocumentText.problems(tree, MAX_REPORTED).stream().filter(p -> !reported.contains(p.path()))
                .forEach(problems::add);
        throwIfAny(problems);
        DistrictDocument document;
        try {
            document = mapper.treeToValue(tree, DistrictDocument.class);
        } catch (JacksonException e) {
            throw new ExchangeValidationException("$", "cannot read the document: " + e.getOriginalMessage());
        }
        throwIfAny(DocumentRules.problems(document, mapper, MAX_REPORTED));
        return document;
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ExchangeValidationException(problems.subList(0, Math.min(problems.size(), MAX_REPORTED)));
        }
    }

    @Transactional
    public ImportSummary importDistrict(InputStream json) {
        try {
            return importDistrict(json.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports into the current tenant (explicit {@code TenantContext} binding, else the signed-in user's district). */
    @Transactional
    public ImportSummary importDistrict(byte[] json) {
        Tenant tenant = currentTenant.require();
        DistrictDocument document = parse(json);
        String schemaInUse = jdbc.queryForObject("select current_schema()", String.class);
        if (!tenant.schema().equals(schemaInUse)) {
            throw new IllegalStateException("import of district " + tenant.id() + " runs in schema " + schemaInUse
                    + ", not " + tenant.schema() + ": it must run inside a transaction bound to the district");
        }
        // one import per district at a time; released at commit or rollback
        jdbc.execute("select pg_advisory_xact_lock(hashtext('cascade.exchange.' || current_schema()))");
        ImportSummary summary = new Run(tenant.id(), document).execute();
        log.info("Imported district document into {}: {}", tenant.id(), summary);
        return summary;
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * The types whose keys one master keeps unique together ({@link ItemType#sharedKeys}): tasks and standards share
     * their codes; every other type has keys of its own.
     */
    static String keySpace(String type) {
        return ItemType.valueOf(type).sharedKeys().stream().map(Enum::name).collect(Collectors.joining("+"));
    }

    static String catalogKey(String name) {
        return MatchKey.trimSpaces(name).toLowerCase(Locale.ROOT);
    }

    private static String at(String base, String field, int index) {
        return base + "." + field + "[" + index + "]";
    }

    private static ExchangeValidationException invalid(String path, String message) {
        return new ExchangeValidationException(path, message);
    }

    private static final int[] ITEM_TYPES = {Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR};
    private static final String ITEM_COLUMNS =
            "id, %s, item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts";
    private static final String ITEM_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb";
    private static final String ITEM_SET = """
            item_type = excluded.item_type, code = excluded.code, name = excluded.name,
            task_code = excluded.task_code, term_code = excluded.term_code, weight = excluded.weight,
            seq = excluded.seq, calc_method = excluded.calc_method, rounding = excluded.rounding,
            parts = excluded.parts""";
    private static final String ITEM_DISTINCT = """
            (t.item_type, t.code, t.name, t.task_code, t.term_code, t.weight, t.seq, t.calc_method, t.rounding,
             t.parts) is distinct from (excluded.item_type, excluded.code, excluded.name, excluded.task_code,
             excluded.term_code, excluded.weight, excluded.seq, excluded.calc_method, excluded.rounding,
             excluded.parts)""";

    /** Where a row of the document lives, for messages and reference checks. */
    private record Located<T>(String path, T value, long parentId) {
    }

    private record ItemRow(long parentId, String type) {
    }

    /** A master item as the master holds it once the document is applied. */
    private record MasterItemRow(long masterId, String type, String key) {
        String spaceKey() {
            return masterId + "|" + keySpace(type) + "|" + key;
        }
    }

    /** One import: the document, the ids it resolved so far, and the checks. */
    private final class Run {

        private final String district;
        private final DistrictDocument doc;
        /** Every UUID of the document, with the path that declares it and what it is. */
        private final Map<UUID, String> declaredAt = new HashMap<>();
        private final Map<UUID, String> declaredKind = new HashMap<>();

        Run(String district, DistrictDocument doc) {
            this.district = district;
            this.doc = doc;
        }

        ImportSummary execute() {
            checkDocument();
            Map<String, Long> years = writeSchoolYears();
            Map<String, Long> catalogs = writeCatalogs();
            Map<String, Long> masters = writeMasters(catalogs);
            int masterItems = writeMasterItems(masters, catalogs);
            Map<String, Long> schools = writeSchools(catalogs);
            List<Located<Calendar>> calendars = writeCalendars(schools, years);
            List<Located<Course>> courses = writeCourses(calendars, catalogs);
            int courseItems = writeCourseItems(courses);
            List<Located<Section>> sections = writeSections(courses);
            int sectionItems = writeSectionItems(sections, courses);
            GradebookCounts counts = writeGradebook(sections, courses, calendars);
            int masterCount = doc.catalogs().stream().mapToInt(c -> c.masters().size()).sum();
            int terms = doc.schools().stream().flatMap(s -> s.calendars().stream())
                    .mapToInt(c -> c.terms().size()).sum();
            return new ImportSummary(district, doc.schoolYears().size(), doc.catalogs().size(), masterCount,
                    masterItems, doc.schools().size(), calendars.size(), terms, courses.size(), courseItems,
                    sections.size(), sectionItems, counts.assignments, counts.scores, counts.comments,
                    counts.postedGrades);
        }

        // ---- checks that need no database ------------------------------------------------------------------

        private void checkDocument() {
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

        // ---- writes, each followed by the checks it enables ------------------------------------------------

        private Map<String, Long> writeSchoolYears() {
            List<Object[]> rows = doc.schoolYears().stream()
                    .map(y -> new Object[]{y.code(), y.startDate(), y.endDate()}).toList();
            batch("$.schoolYears", """
                    insert into school_year (code, start_date, end_date) values (?, ?, ?)
                    on conflict (code) do update set start_date = excluded.start_date, end_date = excluded.end_date
                    where (school_year.start_date, school_year.end_date)
                          is distinct from (excluded.start_date, excluded.end_date)
                    """, new int[]{Types.VARCHAR, Types.DATE, Types.DATE}, rows);
            return idsByKey("select id, code from school_year", rs -> rs.getString(2));
        }

        /** Catalog ids by {@link #catalogKey}. Locks: the document's list becomes the catalog's set of locks. */
        private Map<String, Long> writeCatalogs() {
            List<Object[]> rows = doc.catalogs().stream().map(c -> new Object[]{c.name()}).toList();
            batch("$.catalogs", """
                    insert into course_catalog (name) values (?)
                    on conflict ((lower(btrim(name)))) do update set name = excluded.name
                    where course_catalog.name is distinct from excluded.name
                    """, new int[]{Types.VARCHAR}, rows);
            Map<String, Long> ids = idsByKey("select id, name from course_catalog",
                    rs -> catalogKey(rs.getString(2)));
            Map<Long, Set<String>> existing = new HashMap<>();
            jdbc.query("select catalog_id, lock_name from catalog_lock", rs -> {
                existing.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            });
            List<Object[]> removed = new ArrayList<>();
            List<Object[]> added = new ArrayList<>();
            for (Catalog catalog : doc.catalogs()) {
                long id = ids.get(catalogKey(catalog.name()));
                Set<String> before = existing.getOrDefault(id, Set.of());
                before.stream().filter(l -> !catalog.locks().contains(l)).sorted()
                        .forEach(l -> removed.add(new Object[]{id, l}));
                catalog.locks().stream().filter(l -> !before.contains(l))
                        .forEach(l -> added.add(new Object[]{id, l}));
            }
            batch("$.catalogs", "delete from catalog_lock where catalog_id = ? and lock_name = ?",
                    new int[]{Types.BIGINT, Types.VARCHAR}, removed);
            batch("$.catalogs", "insert into catalog_lock (catalog_id, lock_name) values (?, ?) on conflict do nothing",
                    new int[]{Types.BIGINT, Types.VARCHAR}, added);
            return ids;
        }

        /** Master ids by {@code catalogId|number}. */
        private Map<String, Long> writeMasters(Map<String, Long> catalogs) {
            List<Object[]> rows = new ArrayList<>();
            for (Catalog catalog : doc.catalogs()) {
                long catalogId = catalogs.get(catalogKey(catalog.name()));
                for (Master m : catalog.masters()) {
                    rows.add(new Object[]{catalogId, m.number(), m.name(), m.stateCode(), m.department(), m.credits(),
                            m.gpaWeight(), m.description()});
                }
            }
            batch("$.catalogs", """
                    insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,
                                               description)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (catalog_id, number) do update set name = excluded.name,
                        state_code = excluded.state_code, department = excluded.department,
                        credits = excluded.credits, gpa_weight = excluded.gpa_weight,
                        description = excluded.description, version = course_master.version + 1
                    where (course_master.name, course_master.state_code, course_master.department,
                           course_master.credits, course_master.gpa_weight, course_master.description)
                          is distinct from (excluded.name, excluded.state_code, excluded.department,
                           excluded.credits, excluded.gpa_weight, excluded.description)
                    """, new int[]{Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.NUMERIC, Types.NUMERIC, Types.VARCHAR}, rows);
            return idsByKey("select id, catalog_id, number from course_master", DistrictImporter::parentAndNumber);
        }

        private int writeMasterItems(Map<String, Long> masters, Map<String, Long> catalogs) {
            List<Located<Item>> items = new ArrayList<>();
            for (int c = 0; c < doc.catalogs().size(); c++) {
                Catalog catalog = doc.catalogs().get(c);
                long catalogId = catalogs.get(catalogKey(catalog.name()));
                for (int m = 0; m < catalog.masters().size(); m++) {
                    Master master = catalog.masters().get(m);
                    long masterId = masters.get(catalogId + "|" + master.number());
                    for (int k = 0; k < master.items().size(); k++) {
                        items.add(new Located<>(at(at(at("$", "catalogs", c), "masters", m), "items", k),
                                master.items().get(k), masterId));
                    }
                }
            }
            // an item keeps its master; the master's rules hold once the document is applied
            Map<UUID, Long> owner = new HashMap<>();
            Map<UUID, MasterItemRow> applied = new HashMap<>();
            jdbc.query("select id, master_id, item_type, match_key from master_item", rs -> {
                UUID id = rs.getObject(1, UUID.class);
                owner.put(id, rs.getLong(2));
                applied.put(id, new MasterItemRow(rs.getLong(2), rs.getString(3), rs.getString(4)));
            });
            checkOwners(items, owner, "master item", "another master");
            items.forEach(i -> applied.put(i.value().id(),
                    new MasterItemRow(i.parentId(), i.value().type(), key(i.value()))));
            checkMasterRules(items, applied);
            batch("$.catalogs", itemUpsert("master_item", "master_id", ""), ITEM_TYPES,
                    items.stream().map(i -> itemValues(i.value(), i.parentId())).toList());
            return items.size();
        }

        /**
         * The rules of decision 0004 that look at a master's other items, over the items the master holds once the
         * document is applied (its rows in the district, replaced by the document's): a key no other item of its key
         * space has, and calc options and composites that refer to the master's own tasks and standards
         * ({@link app.cascade.catalog.ItemEdit#requireKnownTasks}).
         */
        private void checkMasterRules(List<Located<Item>> items, Map<UUID, MasterItemRow> applied) {
            Map<String, List<UUID>> holders = new HashMap<>();
            Map<Long, Set<String>> taskCodes = new HashMap<>();
            applied.forEach((id, row) -> {
                holders.computeIfAbsent(row.spaceKey(), k -> new ArrayList<>()).add(id);
                if ("TASK".equals(row.type()) || "STANDARD".equals(row.type())) {
                    taskCodes.computeIfAbsent(row.masterId(), k -> new HashSet<>()).add(row.key());
                }
            });
            for (Located<Item> item : items) {
                UUID id = item.value().id();
                List<UUID> sameKey = holders.get(applied.get(id).spaceKey());
                if (sameKey.size() > 1) {
                    UUID other = sameKey.stream().filter(h -> !h.equals(id)).findFirst().orElseThrow();
                    String otherType = applied.get(other).type();
                    throw invalid(item.path(), "the master already has a " + otherType + " with key \""
                            + key(item.value()) + "\" (item " + other + ")" + (otherType.equals(item.value().type())
                            ? "" : ": task and standard codes are unique across both types"));
                }
                ItemType type = ItemType.valueOf(item.value().type());
                try {
                    DocumentRules.edit(item.value(), mapper).requireKnownTasks(type,
                            taskCodes.getOrDefault(item.parentId(), Set.of()));
                } catch (SetupEditException refusal) {
                    throw invalid(DocumentRules.pathOf(item.path(), refusal), refusal.getMessage());
                }
            }
        }

        private Map<String, Long> writeSchools(Map<String, Long> catalogs) {
            List<Object[]> rows = new ArrayList<>();
            for (int s = 0; s < doc.schools().size(); s++) {
                School school = doc.schools().get(s);
                Long catalogId = null;
                if (school.catalog() != null) {
                    catalogId = catalogId(catalogs, school.catalog(), at("$", "schools", s) + ".catalog");
                }
                rows.add(new Object[]{school.code(), school.name(), catalogId});
            }
            batch("$.schools", """
                    insert into school (code, name, catalog_id) values (?, ?, ?)
                    on conflict (code) do update set name = excluded.name, catalog_id = excluded.catalog_id
                    where (school.name, school.catalog_id) is distinct from (excluded.name, excluded.catalog_id)
                    """, new int[]{Types.VARCHAR, Types.VARCHAR, Types.BIGINT}, rows);
            return idsByKey("select id, code from school", rs -> rs.getString(2));
        }

        private long catalogId(Map<String, Long> catalogs, String name, String path) {
            Long id = catalogs.get(catalogKey(name));
            if (id == null) {
                throw invalid(path, "no catalog \"" + name + "\" in the document or the district");
            }
            return id;
        }

        /** The calendars of the document, in document order, each with its database id as {@code parentId}. */
        private List<Located<Calendar>> writeCalendars(Map<String, Long> schools, Map<String, Long> years) {
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
            batch("$.schools", """
                    insert into calendar (school_id, school_year_id, name) values (?, ?, ?)
                    on conflict (school_id, school_year_id) do update set name = excluded.name
                    where calendar.name is distinct from excluded.name
                    """, new int[]{Types.BIGINT, Types.BIGINT, Types.VARCHAR}, rows);
            Map<String, Long> ids = idsByKey("select id, school_id, school_year_id from calendar",
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
            batch("$.schools", """
                    insert into term (calendar_id, code, seq, start_date, end_date) values (?, ?, ?, ?, ?)
                    on conflict (calendar_id, code) do update set seq = excluded.seq,
                        start_date = excluded.start_date, end_date = excluded.end_date
                    where (term.seq, term.start_date, term.end_date)
                          is distinct from (excluded.seq, excluded.start_date, excluded.end_date)
                    """, new int[]{Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.DATE, Types.DATE}, terms);
            return located;
        }

        private List<Located<Course>> writeCourses(List<Located<Calendar>> calendars, Map<String, Long> catalogs) {
            Map<String, Long> masters = idsByKey("select id, catalog_id, number from course_master",
                    DistrictImporter::parentAndNumber);
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
            batch("$.schools", """
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
            Map<String, Long> ids = idsByKey("select id, calendar_id, number from course",
                    DistrictImporter::parentAndNumber);
            List<Located<Course>> located = new ArrayList<>();
            for (int i = 0; i < docCourses.size(); i++) {
                located.add(new Located<>(paths.get(i), docCourses.get(i),
                        ids.get(calendarIds.get(i) + "|" + docCourses.get(i).number())));
            }
            return located;
        }

        private int writeCourseItems(List<Located<Course>> courses) {
            List<Located<Item>> items = new ArrayList<>();
            for (Located<Course> course : courses) {
                for (int k = 0; k < course.value().items().size(); k++) {
                    items.add(new Located<>(at(course.path(), "items", k), course.value().items().get(k),
                            course.parentId()));
                }
            }
            Map<UUID, Long> owner = parentsById("select id, course_id from course_item");
            checkOwners(items, owner, "course item", "another course");
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
            batch("$.schools", itemUpsert("course_item", "course_id", "master_item_id"),
                    LINKED_ITEM_TYPES, items.stream().map(i -> linkedItemValues(i.value(), i.parentId())).toList());
            return items.size();
        }

        private List<Located<Section>> writeSections(List<Located<Course>> courses) {
            List<Object[]> rows = new ArrayList<>();
            for (Located<Course> course : courses) {
                for (Section s : course.value().sections()) {
                    rows.add(new Object[]{course.parentId(), s.number(), s.teacher()});
                }
            }
            batch("$.schools", """
                    insert into section (course_id, number, teacher) values (?, ?, ?)
                    on conflict (course_id, number) do update set teacher = excluded.teacher
                    where section.teacher is distinct from excluded.teacher
                    """, new int[]{Types.BIGINT, Types.VARCHAR, Types.VARCHAR}, rows);
            Map<String, Long> ids = idsByKey("select id, course_id, number from section",
                    DistrictImporter::parentAndNumber);
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

        private int writeSectionItems(List<Located<Section>> sections, List<Located<Course>> courses) {
            Map<UUID, ItemRow> courseItems = courseItems();
            Map<Long, Long> courseOfSection = courseOfSection();
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
            Map<UUID, Long> owner = parentsById("select id, section_id from section_item");
            checkOwners(items, owner, "section item", "another section");
            batch("$.schools", itemUpsert("section_item", "section_id", "course_item_id"),
                    LINKED_ITEM_TYPES, items.stream().map(i -> linkedItemValues(i.value(), i.parentId())).toList());
            return items.size();
        }

        private record GradebookCounts(int assignments, int scores, int comments, int postedGrades) {
        }

        private GradebookCounts writeGradebook(List<Located<Section>> sections, List<Located<Course>> courses,
                                               List<Located<Calendar>> calendars) {
            Map<UUID, ItemRow> courseItems = courseItems();
            Map<UUID, ItemRow> sectionItems = itemRows("select id, section_id, item_type from section_item");
            Map<Long, Long> courseOfSection = courseOfSection();
            Map<Long, Set<String>> termsOfCourse = new HashMap<>();
            jdbc.query("select c.id, t.code from course c join term t on t.calendar_id = c.calendar_id", rs -> {
                termsOfCourse.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            });
            Map<Long, String> courseNames = new HashMap<>();
            courses.forEach(c -> courseNames.put(c.parentId(), c.value().number()));

            List<Located<Assignment>> assignments = new ArrayList<>();
            List<Located<Score>> scores = new ArrayList<>();
            List<Located<Comment>> comments = new ArrayList<>();
            List<Located<PostedGrade>> grades = new ArrayList<>();
            for (Located<Section> section : sections) {
                long sectionId = section.parentId();
                long courseId = courseOfSection.get(sectionId);
                String courseName = courseNames.getOrDefault(courseId, "#" + courseId);
                Set<String> terms = termsOfCourse.getOrDefault(courseId, Set.of());
                for (int a = 0; a < section.value().assignments().size(); a++) {
                    Assignment assignment = section.value().assignments().get(a);
                    String path = at(section.path(), "assignments", a);
                    if (assignment.category() != null) {
                        ItemRow category = sectionItems.get(assignment.category());
                        if (category == null || category.parentId() != sectionId
                                || !"CATEGORY".equals(category.type())) {
                            throw invalid(path + ".category", assignment.category()
                                    + " is not a CATEGORY item of section " + section.value().number());
                        }
                    }
                    if (assignment.task() != null) {
                        checkTask(courseItems, assignment.task(), courseId, courseName, path + ".task");
                    }
                    if (assignment.term() != null && !terms.contains(assignment.term())) {
                        throw invalid(path + ".term", "no term " + assignment.term() + " in the calendar of course "
                                + courseName);
                    }
                    assignments.add(new Located<>(path, assignment, sectionId));
                    for (int k = 0; k < assignment.scores().size(); k++) {
                        scores.add(new Located<>(at(path, "scores", k), assignment.scores().get(k), 0));
                    }
                    for (int k = 0; k < assignment.comments().size(); k++) {
                        comments.add(new Located<>(at(path, "comments", k), assignment.comments().get(k), 0));
                    }
                }
                for (int g = 0; g < section.value().postedGrades().size(); g++) {
                    PostedGrade grade = section.value().postedGrades().get(g);
                    String path = at(section.path(), "postedGrades", g);
                    checkTask(courseItems, grade.task(), courseId, courseName, path + ".task");
                    if (!terms.contains(grade.term())) {
                        throw invalid(path + ".term", "no term " + grade.term() + " in the calendar of course "
                                + courseName);
                    }
                    grades.add(new Located<>(path, grade, sectionId));
                }
            }

            Map<UUID, Long> assignmentOwner = parentsById("select id, section_id from assignment");
            for (Located<Assignment> a : assignments) {
                Long owner = assignmentOwner.get(a.value().id());
                if (owner != null && owner != a.parentId()) {
                    throw invalid(a.path() + ".id", "assignment " + a.value().id() + " belongs to another section");
                }
            }
            batch("$.schools", """
                    insert into assignment (id, section_id, name, due_date, points, term_code, category_item_id,
                                            task_item_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set name = excluded.name, due_date = excluded.due_date,
                        points = excluded.points, term_code = excluded.term_code,
                        category_item_id = excluded.category_item_id, task_item_id = excluded.task_item_id
                    where (assignment.name, assignment.due_date, assignment.points, assignment.term_code,
                           assignment.category_item_id, assignment.task_item_id)
                          is distinct from (excluded.name, excluded.due_date, excluded.points, excluded.term_code,
                           excluded.category_item_id, excluded.task_item_id)
                    """, new int[]{Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.NUMERIC, Types.VARCHAR,
                    Types.OTHER, Types.OTHER}, assignments.stream().map(l -> {
                Assignment a = l.value();
                return new Object[]{a.id(), l.parentId(), a.name(), a.dueDate(), a.points(), a.term(), a.category(),
                        a.task()};
            }).toList());

            // scores: each stays on its assignment; one score per (assignment, student) once applied
            List<Object[]> scoreRows = new ArrayList<>();
            Map<UUID, UUID> scoreOwner = new HashMap<>();
            Map<UUID, String> scoreKey = new HashMap<>();
            jdbc.query("select id, assignment_id, student_number from score", rs -> {
                UUID id = rs.getObject(1, UUID.class);
                scoreOwner.put(id, rs.getObject(2, UUID.class));
                scoreKey.put(id, rs.getObject(2, UUID.class) + "|" + rs.getString(3));
            });
            Map<UUID, UUID> assignmentOfScore = new HashMap<>();
            Map<UUID, UUID> assignmentOfComment = new HashMap<>();
            for (Located<Assignment> a : assignments) {
                a.value().scores().forEach(s -> assignmentOfScore.put(s.id(), a.value().id()));
                a.value().comments().forEach(c -> assignmentOfComment.put(c.id(), a.value().id()));
            }
            for (Located<Score> s : scores) {
                UUID assignmentId = assignmentOfScore.get(s.value().id());
                UUID owner = scoreOwner.get(s.value().id());
                if (owner != null && !owner.equals(assignmentId)) {
                    throw invalid(s.path() + ".id", "score " + s.value().id() + " belongs to another assignment");
                }
                scoreKey.put(s.value().id(), assignmentId + "|" + s.value().student());
                scoreRows.add(new Object[]{s.value().id(), assignmentId, s.value().student(), s.value().points()});
            }
            checkUniqueKeys(scores, scoreKey, ".student", "a score of this student on this assignment");
            batch("$.schools", """
                    insert into score (id, assignment_id, student_number, points) values (?, ?, ?, ?)
                    on conflict (id) do update set student_number = excluded.student_number, points = excluded.points
                    where (score.student_number, score.points)
                          is distinct from (excluded.student_number, excluded.points)
                    """, new int[]{Types.OTHER, Types.OTHER, Types.VARCHAR, Types.NUMERIC}, scoreRows);

            Map<UUID, UUID> commentOwner = new HashMap<>();
            jdbc.query("select id, assignment_id from assignment_comment", rs -> {
                commentOwner.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            });
            List<Object[]> commentRows = new ArrayList<>();
            for (Located<Comment> c : comments) {
                UUID assignmentId = assignmentOfComment.get(c.value().id());
                UUID owner = commentOwner.get(c.value().id());
                if (owner != null && !owner.equals(assignmentId)) {
                    throw invalid(c.path() + ".id", "comment " + c.value().id() + " belongs to another assignment");
                }
                commentRows.add(new Object[]{c.value().id(), assignmentId, c.value().student(), c.value().body()});
            }
            batch("$.schools", """
                    insert into assignment_comment (id, assignment_id, student_number, body) values (?, ?, ?, ?)
                    on conflict (id) do update set student_number = excluded.student_number, body = excluded.body
                    where (assignment_comment.student_number, assignment_comment.body)
                          is distinct from (excluded.student_number, excluded.body)
                    """, new int[]{Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR}, commentRows);

            Map<UUID, Long> gradeOwner = new HashMap<>();
            Map<UUID, String> gradeKey = new HashMap<>();
            jdbc.query("select id, section_id, task_item_id, term_code, student_number from posted_grade", rs -> {
                UUID id = rs.getObject(1, UUID.class);
                gradeOwner.put(id, rs.getLong(2));
                gradeKey.put(id, rs.getLong(2) + "|" + rs.getObject(3, UUID.class) + "|" + rs.getString(4) + "|"
                        + rs.getString(5));
            });
            List<Object[]> gradeRows = new ArrayList<>();
            for (Located<PostedGrade> g : grades) {
                PostedGrade grade = g.value();
                Long owner = gradeOwner.get(grade.id());
                if (owner != null && owner != g.parentId()) {
                    throw invalid(g.path() + ".id", "posted grade " + grade.id() + " belongs to another section");
                }
                gradeKey.put(grade.id(), g.parentId() + "|" + grade.task() + "|" + grade.term() + "|"
                        + grade.student());
                gradeRows.add(new Object[]{grade.id(), g.parentId(), grade.task(), grade.term(), grade.student(),
                        grade.grade()});
            }
            checkUniqueKeys(grades, gradeKey, "", "a posted grade of this student for this task and term");
            batch("$.schools", """
                    insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set task_item_id = excluded.task_item_id,
                        term_code = excluded.term_code, student_number = excluded.student_number,
                        grade = excluded.grade
                    where (posted_grade.task_item_id, posted_grade.term_code, posted_grade.student_number,
                           posted_grade.grade)
                          is distinct from (excluded.task_item_id, excluded.term_code, excluded.student_number,
                           excluded.grade)
                    """, new int[]{Types.OTHER, Types.BIGINT, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR}, gradeRows);
            return new GradebookCounts(assignments.size(), scores.size(), comments.size(), grades.size());
        }

        private void checkTask(Map<UUID, ItemRow> courseItems, UUID task, long courseId, String courseName,
                               String path) {
            ItemRow row = courseItems.get(task);
            if (row == null || row.parentId() != courseId
                    || !("TASK".equals(row.type()) || "STANDARD".equals(row.type()))) {
                throw invalid(path, task + " is not a TASK or STANDARD item of course " + courseName);
            }
        }

        private <T> void checkUniqueKeys(List<Located<T>> rows, Map<UUID, String> keys, String field, String what) {
            Map<String, List<UUID>> byKey = new HashMap<>();
            keys.forEach((id, k) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(id));
            for (Located<T> row : rows) {
                UUID id = idOf(row.value());
                List<UUID> holders = byKey.get(keys.get(id));
                if (holders.size() > 1) {
                    UUID other = holders.stream().filter(h -> !h.equals(id)).findFirst().orElseThrow();
                    throw invalid(row.path() + field, "the district already has " + what + " (id " + other + ")");
                }
            }
        }

        private static UUID idOf(Object row) {
            return switch (row) {
                case Score s -> s.id();
                case PostedGrade g -> g.id();
                default -> throw new IllegalArgumentException(String.valueOf(row));
            };
        }

        private Map<UUID, ItemRow> courseItems() {
            return itemRows("select id, course_id, item_type from course_item");
        }


        private Map<Long, Long> courseOfSection() {
            Map<Long, Long> rows = new HashMap<>();
            jdbc.query("select id, course_id from section", rs -> {
                rows.put(rs.getLong(1), rs.getLong(2));
            });
            return rows;
        }

        private void checkOwners(List<Located<Item>> items, Map<UUID, Long> owner, String kind, String other) {
            for (Located<Item> item : items) {
                Long current = owner.get(item.value().id());
                if (current != null && current != item.parentId()) {
                    throw invalid(item.path() + ".id", kind + " " + item.value().id() + " belongs to " + other
                            + "; an item never moves");
                }
            }
        }
    }

    // ---- SQL helpers ---------------------------------------------------------------------------------------------

    private static final int[] LINKED_ITEM_TYPES = {Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.INTEGER,
            Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN};

    private static String itemUpsert(String table, String parentColumn, String linkColumn) {
        String columns = ITEM_COLUMNS.formatted(parentColumn);
        String values = ITEM_VALUES;
        String set = ITEM_SET;
        String distinct = ITEM_DISTINCT;
        if (!linkColumn.isEmpty()) {
            columns += ", " + linkColumn + ", origin, residual, forced_no_calc";
            values += ", ?, ?, ?, ?";
            set += ", " + linkColumn + " = excluded." + linkColumn + ", origin = excluded.origin,"
                    + " residual = excluded.residual, forced_no_calc = excluded.forced_no_calc";
            distinct = "(" + distinct.strip() + ") or (t." + linkColumn + ", t.origin, t.residual, t.forced_no_calc)"
                    + " is distinct from (excluded." + linkColumn + ", excluded.origin, excluded.residual,"
                    + " excluded.forced_no_calc)";
        }
        return "insert into " + table + " as t (" + columns + ") values (" + values + ") on conflict (id) do update set "
                + set + " where " + distinct;
    }

    private Object[] itemValues(Item item, long parentId) {
        return new Object[]{item.id(), parentId, item.type(), item.code(), item.name(), item.taskCode(),
                item.termCode(), item.weight(), item.seq() == null ? 0 : item.seq(), item.calcMethod(),
                item.rounding(), item.parts() == null ? null : mapper.writeValueAsString(item.parts())};
    }

    private Object[] linkedItemValues(Item item, long parentId) {
        Object[] base = itemValues(item, parentId);
        Object[] row = java.util.Arrays.copyOf(base, base.length + 4);
        row[base.length] = item.link();
        row[base.length + 1] = item.origin();
        row[base.length + 2] = item.residualFlag();
        row[base.length + 3] = item.forcedNoCalcFlag();
        return row;
    }

    private static String key(Item item) {
        return MatchKey.of(ItemType.valueOf(item.type()), item.code(), item.name(), item.taskCode(), item.termCode());
    }

    /** Reads the key of a row of a query: what a write's rows are found again by. */
    @FunctionalInterface
    private interface RowKey {
        String of(ResultSet rs) throws SQLException;
    }

    /** The ids (first column of {@code sql}) of every row, by the key {@code key} reads from the row. */
    private Map<String, Long> idsByKey(String sql, RowKey key) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(sql, rs -> {
            ids.put(key.of(rs), rs.getLong(1));
        });
        return ids;
    }

    /** The key {@code parentId|number} of a row selected as {@code id, parent_id, number}. */
    private static String parentAndNumber(ResultSet rs) throws SQLException {
        return rs.getLong(2) + "|" + rs.getString(3);
    }

    /** The parent id (second column of {@code sql}) of every row, by its UUID (first column). */
    private Map<UUID, Long> parentsById(String sql) {
        Map<UUID, Long> parents = new HashMap<>();
        jdbc.query(sql, rs -> {
            parents.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return parents;
    }

    /** Items selected as {@code id, parent_id, item_type}, by id. */
    private Map<UUID, ItemRow> itemRows(String sql) {
        Map<UUID, ItemRow> rows = new HashMap<>();
        jdbc.query(sql, rs -> {
            rows.put(rs.getObject(1, UUID.class), new ItemRow(rs.getLong(2), rs.getString(3)));
        });
        return rows;
    }

    private void batch(String path, String sql, int[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate(sql, rows, types);
        } catch (DataIntegrityViolationException e) {
            // every rule of the format is checked before this write; PostgreSQL's own text stays in the log
            log.warn("Import refused by the database at {}: {}", path, e.getMostSpecificCause().getMessage());
            throw invalid(path, "the database refused a row of this collection although it passed the checks of "
                    + "the format; nothing was imported");
        }
    }
}
