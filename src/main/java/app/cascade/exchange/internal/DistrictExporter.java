package app.cascade.exchange.internal;

import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Assignment;
import app.cascade.exchange.DistrictDocument.Calendar;
import app.cascade.exchange.DistrictDocument.Catalog;
import app.cascade.exchange.DistrictDocument.Comment;
import app.cascade.exchange.DistrictDocument.Course;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.DistrictDocument.MasterRef;
import app.cascade.exchange.DistrictDocument.Part;
import app.cascade.exchange.DistrictDocument.PostedGrade;
import app.cascade.exchange.DistrictDocument.School;
import app.cascade.exchange.DistrictDocument.SchoolYear;
import app.cascade.exchange.DistrictDocument.Score;
import app.cascade.exchange.DistrictDocument.Section;
import app.cascade.exchange.DistrictDocument.Term;
import app.cascade.tenancy.CurrentTenant;
import app.cascade.tenancy.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the current tenant's whole district into a {@link DistrictDocument}, deterministically ordered (natural keys,
 * items by type, seq, match key and id, gradebook rows by date/student and id), so that exporting twice gives the same
 * bytes. One query per table, in one read-only transaction (a consistent snapshot).
 */
@Component
public class DistrictExporter {

    private static final String ITEM_ORDER = """
            case item_type when 'TASK' then 1 when 'STANDARD' then 2 when 'CATEGORY' then 3 when 'ASSESSMENT' then 4
                           when 'CALC_OPTION' then 5 else 6 end, seq, match_key, id""";
    private static final String ITEM_COLUMNS =
            "id, item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts::text";

    private final JdbcTemplate jdbc;
    private final JsonMapper mapper;
    private final CurrentTenant currentTenant;

    public DistrictExporter(JdbcTemplate jdbc, JsonMapper mapper, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.currentTenant = currentTenant;
    }

    @Transactional(readOnly = true)
    public DistrictDocument exportDistrict() {
        Tenant tenant = currentTenant.require();
        String schemaInUse = jdbc.queryForObject("select current_schema()", String.class);
        if (!tenant.schema().equals(schemaInUse)) {
            throw new IllegalStateException("export of district " + tenant.id() + " runs in schema " + schemaInUse);
        }
        List<SchoolYear> years = jdbc.query("select code, start_date, end_date from school_year order by code",
                (rs, n) -> new SchoolYear(rs.getString(1), date(rs, 2), date(rs, 3)));
        Map<Long, String> yearCodes = new HashMap<>();
        jdbc.query("select id, code from school_year", rs -> {
            yearCodes.put(rs.getLong(1), rs.getString(2));
        });

        Map<Long, List<String>> locks = new HashMap<>();
        jdbc.query("select catalog_id, lock_name from catalog_lock order by catalog_id, lock_name", rs -> {
            locks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        Map<Long, List<Item>> masterItems = items("master_item", "master_id", null);
        Map<Long, List<Master>> masters = new HashMap<>();
        Map<Long, MasterRef> masterRefs = new HashMap<>();
        Map<Long, String> catalogNames = new HashMap<>();
        jdbc.query("select id, name from course_catalog", rs -> {
            catalogNames.put(rs.getLong(1), rs.getString(2));
        });
        jdbc.query("""
                select id, catalog_id, number, name, state_code, department, credits, gpa_weight, description
                from course_master order by catalog_id, number, id
                """, rs -> {
            long id = rs.getLong(1);
            long catalogId = rs.getLong(2);
            masterRefs.put(id, new MasterRef(catalogNames.get(catalogId), rs.getString(3)));
            masters.computeIfAbsent(catalogId, k -> new ArrayList<>()).add(new Master(rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), decimal(rs, 7), decimal(rs, 8),
                    rs.getString(9), masterItems.getOrDefault(id, List.of())));
        });
        List<Catalog> catalogs = jdbc.query("select id, name from course_catalog order by name, id",
                (rs, n) -> new Catalog(rs.getString(2), locks.getOrDefault(rs.getLong(1), List.of()),
                        masters.getOrDefault(rs.getLong(1), List.of())));

        Map<UUID, List<Score>> scoresByAssignment = new HashMap<>();
        jdbc.query("select id, assignment_id, student_number, points from score order by student_number, id", rs -> {
            scoresByAssignment.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                    .add(new Score(rs.getObject(1, UUID.class), rs.getString(3), decimal(rs, 4)));
        });
        Map<UUID, List<Comment>> comments = new HashMap<>();
        jdbc.query("select id, assignment_id, student_number, body from assignment_comment"
                + " order by student_number, id", rs -> {
            comments.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                    .add(new Comment(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4)));
        });
        Map<Long, List<Assignment>> assignments = new HashMap<>();
        jdbc.query("""
                select id, section_id, name, due_date, points, term_code, category_item_id, task_item_id
                from assignment order by section_id, due_date nulls last, name, id
                """, rs -> {
            UUID id = rs.getObject(1, UUID.class);
            assignments.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Assignment(id,
                    rs.getString(3), date(rs, 4), decimal(rs, 5), rs.getString(6), rs.getObject(7, UUID.class),
                    rs.getObject(8, UUID.class), scoresByAssignment.getOrDefault(id, List.of()),
                    comments.getOrDefault(id, List.of())));
        });
        Map<Long, List<PostedGrade>> grades = new HashMap<>();
        jdbc.query("""
                select id, section_id, task_item_id, term_code, student_number, grade
                from posted_grade order by section_id, task_item_id, term_code, student_number, id
                """, rs -> {
            grades.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new PostedGrade(
                    rs.getObject(1, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                    rs.getString(6)));
        });
        Map<Long, List<Item>> sectionItems = items("section_item", "section_id", "course_item_id");
        Map<Long, List<Section>> sections = new HashMap<>();
        jdbc.query("select id, course_id, number, teacher from section order by course_id, number, id", rs -> {
            long id = rs.getLong(1);
            sections.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Section(rs.getString(3),
                    rs.getString(4), sectionItems.getOrDefault(id, List.of()), assignments.getOrDefault(id, List.of()),
                    grades.getOrDefault(id, List.of())));
        });
        Map<Long, List<Item>> courseItems = items("course_item", "course_id", "master_item_id");
        Map<Long, List<Course>> courses = new HashMap<>();
        jdbc.query("""
                select id, calendar_id, number, name, state_code, department, credits, gpa_weight, description,
                       master_id, ignore_master_push
                from course order by calendar_id, number, id
                """, rs -> {
            long id = rs.getLong(1);
            long masterId = rs.getLong(10);
            MasterRef master = rs.wasNull() ? null : masterRefs.get(masterId);
            courses.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Course(rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), decimal(rs, 7), decimal(rs, 8),
                    rs.getString(9), master, rs.getBoolean(11) ? Boolean.TRUE : null,
                    courseItems.getOrDefault(id, List.of()), sections.getOrDefault(id, List.of())));
        });
        Map<Long, List<Term>> terms = new HashMap<>();
        jdbc.query("select calendar_id, code, seq, start_date, end_date from term order by calendar_id, seq, code",
                rs -> {
                    terms.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Term(rs.getString(2),
                            rs.getInt(3), date(rs, 4), date(rs, 5)));
                });
        Map<Long, List<Calendar>> calendars = new HashMap<>();
        jdbc.query("""
                select c.id, c.school_id, y.code, c.name from calendar c join school_year y on y.id = c.school_year_id
                order by c.school_id, y.code, c.id
                """, rs -> {
            long id = rs.getLong(1);
            calendars.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Calendar(rs.getString(3),
                    rs.getString(4), terms.getOrDefault(id, List.of()), courses.getOrDefault(id, List.of())));
        });
        List<School> schools = jdbc.query("select id, code, name, catalog_id from school order by code, id",
                (rs, n) -> {
                    long catalogId = rs.getLong(4);
                    String catalog = rs.wasNull() ? null : catalogNames.get(catalogId);
                    return new School(rs.getString(2), rs.getString(3), catalog,
                            calendars.getOrDefault(rs.getLong(1), List.of()));
                });
        return new DistrictDocument(DistrictDocument.FORMAT, tenant.id(), years, catalogs, schools);
    }

    /** The exported document as pretty-printed JSON bytes. */
    public byte[] toJson(DistrictDocument document) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    }

    private Map<Long, List<Item>> items(String table, String parentColumn, String linkColumn) {
        Map<Long, List<Item>> items = new HashMap<>();
        String extra = linkColumn == null ? "" : ", " + linkColumn + ", origin, residual, forced_no_calc";
        jdbc.query("select " + parentColumn + ", " + ITEM_COLUMNS + extra + " from " + table
                + " order by " + parentColumn + ", " + ITEM_ORDER, rs -> {
            UUID link = null;
            String origin = null;
            Boolean residual = null;
            Boolean forced = null;
            if (linkColumn != null) {
                link = rs.getObject(13, UUID.class);
                origin = rs.getString(14);
                residual = rs.getBoolean(15) ? Boolean.TRUE : null;
                forced = rs.getBoolean(16) ? Boolean.TRUE : null;
            }
            String parts = rs.getString(12);
            items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Item(rs.getObject(2, UUID.class),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    decimal(rs, 8), rs.getInt(9), rs.getString(10), integer(rs, 11),
                    parts == null ? null : parts(parts), link, origin, residual, forced));
        });
        return items;
    }

    private List<Part> parts(String json) {
        Part[] parts = mapper.readValue(json, Part[].class);
        List<Part> normalized = new ArrayList<>();
        for (Part p : parts) {
            normalized.add(new Part(p.taskCode(), p.termCode(), normalize(p.weight())));
        }
        return normalized;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        return normalize(rs.getBigDecimal(column));
    }

    /** {@code 3.500} and {@code 3.5} are the same value: export the shortest plain form. */
    static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
