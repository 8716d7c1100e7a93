package app.cascade.exchange;

import app.cascade.CascadeIntegrationTest;
import app.cascade.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static app.cascade.exchange.Rejections.array;
import static app.cascade.exchange.Rejections.obj;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad document is rejected as a whole, with the JSON path of the problem, and the district is unchanged. */
@CascadeIntegrationTest
class ExchangeRejectsBadDocumentIT {

    /** A small valid district: one master, two courses (one with gradebook data) in one calendar. */
    static final String VALID = """
            {"format": "cascade.district/v1",
             "schoolYears": [{"code": "26-27", "startDate": "2026-08-17", "endDate": "2027-06-04"}],
             "catalogs": [{"name": "Reject Test Catalog", "locks": ["name", "TASKS_STANDARDS"], "masters": [
               {"number": "RJ101", "name": "Rhetoric", "credits": 1, "items": [
                 {"id": "00000000-0000-4000-8000-000000000001", "type": "TASK", "code": "QTR", "name": "Quarter"},
                 {"id": "00000000-0000-4000-8000-000000000002", "type": "CATEGORY", "name": "Essays", "weight": 50}
               ]}]}],
             "schools": [{"code": "RJS", "name": "Reject Test School", "catalog": "Reject Test Catalog",
               "calendars": [{"year": "26-27", "name": "RJS 26-27",
                 "terms": [{"code": "Q1", "seq": 1}, {"code": "Q2", "seq": 2}],
                 "courses": [
                   {"number": "RJ101-A", "name": "Rhetoric", "master": {"catalog": "Reject Test Catalog",
                    "number": "RJ101"}, "items": [
                     {"id": "00000000-0000-4000-8000-000000000011", "type": "TASK", "code": "QTR",
                      "name": "Quarter", "link": "00000000-0000-4000-8000-000000000001", "origin": "MASTER"},
                     {"id": "00000000-0000-4000-8000-000000000012", "type": "CATEGORY", "name": "Essays",
                      "link": "00000000-0000-4000-8000-000000000002", "origin": "MASTER"}],
                    "sections": [{"number": "1", "teacher": "Okafor, Aisha", "items": [
                       {"id": "00000000-0000-4000-8000-000000000021", "type": "CATEGORY", "name": "Essays",
                        "link": "00000000-0000-4000-8000-000000000012", "origin": "MASTER"},
                       {"id": "00000000-0000-4000-8000-000000000022", "type": "CALC_OPTION", "name": "Q1 calc",
                        "taskCode": "QTR", "termCode": "Q1", "calcMethod": "CATEGORY_WEIGHTED",
                        "origin": "TEACHER"}],
                     "assignments": [{"id": "00000000-0000-4000-8000-000000000031", "name": "Essay 1",
                       "dueDate": "2026-09-18", "points": 100, "term": "Q1",
                       "category": "00000000-0000-4000-8000-000000000021",
                       "task": "00000000-0000-4000-8000-000000000011",
                       "scores": [{"id": "00000000-0000-4000-8000-000000000041", "student": "900001", "points": 88}],
                       "comments": [{"id": "00000000-0000-4000-8000-000000000051", "student": "900001",
                                     "body": "Strong thesis."}]}],
                     "postedGrades": [{"id": "00000000-0000-4000-8000-000000000061",
                       "task": "00000000-0000-4000-8000-000000000011", "term": "Q1", "student": "900001",
                       "grade": "B+"}]}]},
                   {"number": "RJ102", "name": "Debate", "items": [
                     {"id": "00000000-0000-4000-8000-000000000013", "type": "CATEGORY", "name": "Rounds",
                      "origin": "COURSE"}],
                    "sections": [{"number": "1", "teacher": "Moreau, Elena", "items": [
                      {"id": "00000000-0000-4000-8000-000000000023", "type": "CATEGORY", "name": "Rounds",
                       "link": "00000000-0000-4000-8000-000000000013", "origin": "COURSE"}]}]}
                 ]}]}]}
            """;
    static final String COURSE_A = "/schools/0/calendars/0/courses/0";
    static final String SECTION_A = COURSE_A + "/sections/0";

    @Autowired
    DistrictExchangeService exchange;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper mapper;

    @BeforeEach
    void signIn() {
        ExchangeTestSupport.signIn("alpha.admin", "alpha", Roles.DISTRICT_ADMIN);
    }

    @AfterEach
    void signOut() {
        ExchangeTestSupport.signOut();
    }

    @Test
    void the_base_document_is_valid() {
        ImportSummary summary = exchange.importDistrict(VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(summary.courses()).isEqualTo(2);
        assertThat(summary.postedGrades()).isEqualTo(1);
    }

    @Test
    void not_json() {
        assertRejected("{\"format\": ".getBytes(StandardCharsets.UTF_8), "$", "not a JSON document");
    }

    @Test
    void schema_violations_name_the_value() {
        assertRejected(doc -> array(doc, "/catalogs/0/locks").add("EVERYTHING"), "$.catalogs[0].locks[2]", "");
        assertRejected(doc -> obj(doc, "/schoolYears/0").put("code", "2026"), "$.schoolYears[0].code", "");
        assertRejected(doc -> obj(doc, COURSE_A + "/items/0").remove("origin"),
                "$.schools[0].calendars[0].courses[0].items[0].origin", "");
        assertRejected(doc -> obj(doc, "").put("format", "other/v9"), "$.format", "");
        assertRejected(doc -> obj(doc, SECTION_A + "/items/0").put("type", "TASK"),
                "$.schools[0].calendars[0].courses[0].sections[0].items[0].type", "");
    }

    @Test
    void district_mismatch() {
        assertRejected(doc -> obj(doc, "").put("district", "beta"), "$.district", "not for \"alpha\"");
    }

    @Test
    void unknown_master_catalog_and_year() {
        assertRejected(doc -> obj(doc, COURSE_A + "/master").put("number", "ENG999"),
                "$.schools[0].calendars[0].courses[0].master.number",
                "no master ENG999 in catalog \"Reject Test Catalog\"");
        assertRejected(doc -> obj(doc, "/schools/0").put("catalog", "Elementary Catalog"),
                "$.schools[0].catalog", "no catalog \"Elementary Catalog\"");
        assertRejected(doc -> obj(doc, "/schools/0/calendars/0").put("year", "19-20"),
                "$.schools[0].calendars[0].year", "no school year 19-20");
    }

    @Test
    void duplicate_keys_and_ids() {
        assertRejected(doc -> obj(doc, "/schools/0/calendars/0/courses/1").put("number", "RJ101-A"),
                "$.schools[0].calendars[0].courses[1].number", "duplicate course RJ101-A");
        assertRejected(doc -> obj(doc, SECTION_A + "/items/1").put("id", "00000000-0000-4000-8000-000000000011"),
                "$.schools[0].calendars[0].courses[0].sections[0].items[1].id", "duplicate id");
    }

    @Test
    void assignment_category_must_be_a_category_of_the_same_section() {
        assertRejected(doc -> obj(doc, SECTION_A + "/assignments/0")
                        .put("category", "00000000-0000-4000-8000-000000000022"),
                "$.schools[0].calendars[0].courses[0].sections[0].assignments[0].category",
                "is not a CATEGORY item of section 1");
        assertRejected(doc -> obj(doc, SECTION_A + "/assignments/0")
                        .put("category", "00000000-0000-4000-8000-000000000023"),
                "$.schools[0].calendars[0].courses[0].sections[0].assignments[0].category",
                "is not a CATEGORY item of section 1");
    }

    @Test
    void task_must_be_a_task_or_standard_of_the_course() {
        assertRejected(doc -> obj(doc, SECTION_A + "/assignments/0")
                        .put("task", "00000000-0000-4000-8000-000000000012"),
                "$.schools[0].calendars[0].courses[0].sections[0].assignments[0].task",
                "is not a TASK or STANDARD item of course RJ101-A");
    }

    @Test
    void section_item_link_must_name_an_item_of_the_same_course() {
        assertRejected(doc -> obj(doc, SECTION_A + "/items/0").put("link", "00000000-0000-4000-8000-000000000013"),
                "$.schools[0].calendars[0].courses[0].sections[0].items[0].link", "is not an item of course RJ101-A");
    }

    @Test
    void a_late_error_rolls_back_everything_written_before_it() {
        // everything before the posted grade is valid and has been written when the bad term is found
        assertRejected(doc -> {
            obj(doc, "/catalogs/0/masters/0").put("name", "Rhetoric and Composition");
            obj(doc, "/schoolYears/0").put("endDate", "2027-06-11");
            array(doc, "/schoolYears").addObject().put("code", "28-29").put("startDate", "2028-08-14")
                    .put("endDate", "2029-06-01");
            obj(doc, SECTION_A + "/postedGrades/0").put("term", "Q9");
        }, "$.schools[0].calendars[0].courses[0].sections[0].postedGrades[0].term", "no term Q9");
    }

    @Test
    void an_item_never_moves_to_another_course() {
        exchange.importDistrict(VALID.getBytes(StandardCharsets.UTF_8));
        assertRejected(doc -> {
            ObjectNode moved = obj(doc, COURSE_A + "/items/1").deepCopy();
            array(doc, COURSE_A + "/items").remove(1);
            array(doc, "/schools/0/calendars/0/courses/1/items").add(moved);
            array(doc, SECTION_A + "/items").remove(0);
            obj(doc, SECTION_A + "/assignments/0").remove("category");
        }, "$.schools[0].calendars[0].courses[1].items[1].id", "belongs to another course");
    }

    @Test
    void a_second_score_of_a_student_on_one_assignment() {
        exchange.importDistrict(VALID.getBytes(StandardCharsets.UTF_8));
        assertRejected(doc -> obj(doc, SECTION_A + "/assignments/0/scores/0")
                        .put("id", "00000000-0000-4000-8000-000000000042"),
                "$.schools[0].calendars[0].courses[0].sections[0].assignments[0].scores[0].student",
                "already has a score of this student");
    }

    // ------------------------------------------------------------------------------------------------------------

    private void assertRejected(Consumer<ObjectNode> change, String path, String message) {
        new Rejections(exchange, jdbc, tx, mapper, VALID).assertRejected(change, path, message);
    }

    private void assertRejected(byte[] document, String path, String message) {
        new Rejections(exchange, jdbc, tx, mapper, VALID).assertRejected(document, path, message);
    }
}
