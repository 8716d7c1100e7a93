package app.cascade.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The district exchange format ({@code docs/exchange-format.md}, schema {@code exchange/district.schema.json}): one
 * JSON document holding a whole district. Grading-setup items and gradebook rows carry their UUID {@code id}; everything
 * else is identified by its natural key (year code, catalog name, master number, school code, course number...).
 *
 * @param format      always {@link #FORMAT}
 * @param district    optional: when present, must equal the district the document is imported into
 * @param schoolYears school years, by code
 * @param catalogs    course catalogs with their locks and masters
 * @param schools     schools with their calendars, courses, sections and gradebook data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DistrictDocument(String format, String district, List<SchoolYear> schoolYears, List<Catalog> catalogs,
                               List<School> schools) {

    public static final String FORMAT = "cascade.district/v1";

    public DistrictDocument {
        schoolYears = schoolYears == null ? List.of() : schoolYears;
        catalogs = catalogs == null ? List.of() : catalogs;
        schools = schools == null ? List.of() : schools;
    }

    public record SchoolYear(String code, LocalDate startDate, LocalDate endDate) {
    }

    /** {@code locks} are the values of {@code catalog_lock.lock_name}; the list replaces the catalog's locks. */
    public record Catalog(String name, List<String> locks, List<Master> masters) {
        public Catalog {
            locks = locks == null ? List.of() : locks;
            masters = masters == null ? List.of() : masters;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Master(String number, String name, String stateCode, String department, BigDecimal credits,
                         BigDecimal gpaWeight, String description, List<Item> items) {
        public Master {
            items = items == null ? List.of() : items;
        }
    }

    /**
     * A grading-setup item on a master, a course or a section. Which value fields a type uses is listed in
     * {@code V1__district_model.sql}. {@code link}, {@code origin}, {@code residual} and {@code forcedNoCalc} exist on
     * course and section items only; a course item's link names a master item id, a section item's a course item id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, String type, String code, String name, String taskCode, String termCode,
                       BigDecimal weight, Integer seq, String calcMethod, Integer rounding, List<Part> parts,
                       UUID link, String origin, Boolean residual, Boolean forcedNoCalc) {

        public boolean residualFlag() {
            return Boolean.TRUE.equals(residual);
        }

        public boolean forcedNoCalcFlag() {
            return Boolean.TRUE.equals(forcedNoCalc);
        }
    }

    /** One part of a composite grade. */
    public record Part(String taskCode, String termCode, BigDecimal weight) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record School(String code, String name, String catalog, List<Calendar> calendars) {
        public School {
            calendars = calendars == null ? List.of() : calendars;
        }
    }

    /** A school's calendar for the school year {@code year} (a year code). */
    public record Calendar(String year, String name, List<Term> terms, List<Course> courses) {
        public Calendar {
            terms = terms == null ? List.of() : terms;
            courses = courses == null ? List.of() : courses;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(String code, int seq, LocalDate startDate, LocalDate endDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Course(String number, String name, String stateCode, String department, BigDecimal credits,
                         BigDecimal gpaWeight, String description, MasterRef master, Boolean ignoreMasterPush,
                         List<Item> items, List<Section> sections) {
        public Course {
            items = items == null ? List.of() : items;
            sections = sections == null ? List.of() : sections;
        }

        public boolean ignoreMasterPushFlag() {
            return Boolean.TRUE.equals(ignoreMasterPush);
        }
    }

    /** A course's master link, by catalog name and master number. */
    public record MasterRef(String catalog, String number) {
    }

    public record Section(String number, String teacher, List<Item> items, List<Assignment> assignments,
                          List<PostedGrade> postedGrades) {
        public Section {
            items = items == null ? List.of() : items;
            assignments = assignments == null ? List.of() : assignments;
            postedGrades = postedGrades == null ? List.of() : postedGrades;
        }
    }

    /**
     * @param category a CATEGORY item id of the same section
     * @param task     a TASK or STANDARD item id of the section's course
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignment(UUID id, String name, LocalDate dueDate, BigDecimal points, String term, UUID category,
                             UUID task, List<Score> scores, List<Comment> comments) {
        public Assignment {
            scores = scores == null ? List.of() : scores;
            comments = comments == null ? List.of() : comments;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(UUID id, String student, BigDecimal points) {
    }

    public record Comment(UUID id, String student, String body) {
    }

    /** @param task a TASK or STANDARD item id of the section's course */
    public record PostedGrade(UUID id, UUID task, String term, String student, String grade) {
    }
}
