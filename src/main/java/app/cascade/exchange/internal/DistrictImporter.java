package app.cascade.exchange.internal;

import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.ExchangeValidationException;
import app.cascade.exchange.ExchangeValidationException.Problem;
import app.cascade.exchange.ImportSummary;
import app.cascade.exchange.internal.GradebookWrites.GradebookCounts;
import app.cascade.exchange.internal.ImportSql.Located;
import app.cascade.grading.ItemType;
import app.cascade.grading.MatchKey;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private final ImportSql sql;

    public DistrictImporter(JdbcTemplate jdbc, JsonMapper mapper, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.currentTenant = currentTenant;
        this.sql = new ImportSql(jdbc, mapper);
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

    // ---- keys, paths and refusals: the same rules for the checks (DocumentChecks) and the writes (*Writes) ----------

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

    static String at(String base, String field, int index) {
        return base + "." + field + "[" + index + "]";
    }

    static ExchangeValidationException invalid(String path, String message) {
        return new ExchangeValidationException(path, message);
    }

    static String key(Item item) {
        return MatchKey.of(ItemType.valueOf(item.type()), item.code(), item.name(), item.taskCode(), item.termCode());
    }

    /**
     * One import: the document, the ids it resolved so far, and the checks. The checks that need no database run first
     * ({@link DocumentChecks}); then the writes, in the order of the references ({@link CatalogWrites},
     * {@link SchoolWrites}, {@link GradebookWrites}).
     */
    private final class Run {

        private final String district;
        private final DistrictDocument doc;

        Run(String district, DistrictDocument doc) {
            this.district = district;
            this.doc = doc;
        }

        ImportSummary execute() {
            DocumentChecks checks = new DocumentChecks(district, doc);
            checks.checkDocument();
            CatalogWrites catalogWrites = new CatalogWrites(sql, jdbc, mapper, doc);
            SchoolWrites schoolWrites = new SchoolWrites(sql, jdbc, doc, checks);
            GradebookWrites gradebookWrites = new GradebookWrites(sql, jdbc);
            Map<String, Long> years = catalogWrites.writeSchoolYears();
            Map<String, Long> catalogs = catalogWrites.writeCatalogs();
            Map<String, Long> masters = catalogWrites.writeMasters(catalogs);
            int masterItems = catalogWrites.writeMasterItems(masters, catalogs);
            Map<String, Long> schools = schoolWrites.writeSchools(catalogs);
            List<Located<Calendar>> calendars = schoolWrites.writeCalendars(schools, years);
            List<Located<Course>> courses = schoolWrites.writeCourses(calendars, catalogs);
            int courseItems = schoolWrites.writeCourseItems(courses);
            List<Located<Section>> sections = schoolWrites.writeSections(courses);
            int sectionItems = schoolWrites.writeSectionItems(sections, courses);
            GradebookCounts counts = gradebookWrites.writeGradebook(sections, courses, calendars);
            int masterCount = doc.catalogs().stream().mapToInt(c -> c.masters().size()).sum();
            int terms = doc.schools().stream().flatMap(s -> s.calendars().stream())
                    .mapToInt(c -> c.terms().size()).sum();
            return new ImportSummary(district, doc.schoolYears().size(), doc.catalogs().size(), masterCount,
                    masterItems, doc.schools().size(), calendars.size(), terms, courses.size(), courseItems,
                    sections.size(), sectionItems, counts.assignments(), counts.scores(), counts.comments(),
                    counts.postedGrades());
        }
    }
}
