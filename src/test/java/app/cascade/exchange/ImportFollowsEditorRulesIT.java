package app.cascade.exchange;

import app.cascade.CascadeIntegrationTest;
import app.cascade.security.Roles;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static app.cascade.exchange.Rejections.array;
import static app.cascade.exchange.Rejections.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import obeys the editors' rules (decision 0004) and the text rules of the format: each refusal names the JSON path
 * of the value, carries no text of PostgreSQL's, and leaves the district exactly as it was.
 */
@CascadeIntegrationTest
class ImportFollowsEditorRulesIT {

    static final String MASTER = "/catalogs/0/masters/0";
    static final String MASTER_PATH = "$.catalogs[0].masters[0]";
    static final String COURSE = ExchangeRejectsBadDocumentIT.COURSE_A;
    static final String COURSE_PATH = "$.schools[0].calendars[0].courses[0]";
    static final String LONE_SURROGATE = "LONE-SURROGATE-HERE";

    @Autowired
    DistrictExchangeService exchange;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JsonMapper mapper;
    Rejections rejections;

    @BeforeEach
    void signIn() {
        ExchangeTestSupport.signIn("alpha.admin", "alpha", Roles.DISTRICT_ADMIN);
        rejections = new Rejections(exchange, jdbc, tx, mapper, ExchangeRejectsBadDocumentIT.VALID);
    }

    @AfterEach
    void signOut() {
        ExchangeTestSupport.signOut();
    }

    // ---- grading setup: decision 0004, the editors' rules -----------------------------------------------------------

    @Test
    void a_negative_category_weight_on_a_master_is_refused() {
        rejections.assertRejected(doc -> obj(doc, MASTER + "/items/1").put("weight", -5),
                MASTER_PATH + ".items[1].weight", "A weight cannot be negative");
    }

    @Test
    void a_negative_assessment_weight_on_a_master_is_refused() {
        rejections.assertRejected(doc -> items(doc, MASTER).addObject()
                        .put("id", "00000000-0000-4000-8000-000000000003").put("type", "ASSESSMENT")
                        .put("code", "FINAL").put("name", "Final exam").put("weight", -50),
                MASTER_PATH + ".items[2].weight", "A weight cannot be negative");
    }

    @Test
    void a_negative_category_weight_on_a_course_or_a_section_is_refused_as_the_course_editor_refuses_it() {
        rejections.assertRejected(doc -> obj(doc, COURSE + "/items/1").put("weight", -5),
                COURSE_PATH + ".items[1].weight", "A weight cannot be negative");
        rejections.assertRejected(doc -> obj(doc, COURSE + "/sections/0/items/0").put("weight", -0.5),
                COURSE_PATH + ".sections[0].items[0].weight", "A weight cannot be negative");
    }

    @Test
    void a_composite_whose_parts_sum_to_10_is_refused_showing_the_sum() {
        rejections.assertRejected(doc -> addComposite(items(doc, MASTER), 5, 5),
                MASTER_PATH + ".items[2].parts",
                "must add up to 100 %; QTR / Q1 5 + QTR / Q2 5 = 10 %");
    }

    @Test
    void a_composite_part_with_a_negative_weight_is_refused_at_that_part() {
        rejections.assertRejected(doc -> addComposite(items(doc, COURSE), 120, -20).put("origin", "COURSE"),
                COURSE_PATH + ".items[2].parts[1].weight", "QTR / Q2 has a negative weight (-20)");
    }

    @Test
    void a_composite_whose_parts_sum_to_100_is_accepted() {
        ImportSummary summary = rejections.imported(doc -> addComposite(items(doc, MASTER), 60, 40));
        assertThat(summary.masterItems()).isEqualTo(3);
    }

    @Test
    void a_calc_option_of_a_task_the_master_does_not_have_is_refused() {
        rejections.assertRejected(doc -> items(doc, MASTER).addObject()
                        .put("id", "00000000-0000-4000-8000-000000000004").put("type", "CALC_OPTION")
                        .put("name", "Semester calc").put("taskCode", "SEM").put("termCode", "Q1")
                        .put("calcMethod", "CATEGORY_WEIGHTED"),
                MASTER_PATH + ".items[2].taskCode", "This course master has no grading task or standard SEM");
    }

    @Test
    void a_calc_option_may_refer_to_a_task_that_only_the_district_holds() {
        exchange.importDistrict(ExchangeRejectsBadDocumentIT.VALID.getBytes(StandardCharsets.UTF_8));
        rejections.imported(doc -> {
            doc.remove("schools");
            ArrayNode items = items(doc, MASTER);
            items.removeAll();
            items.addObject().put("id", "00000000-0000-4000-8000-000000000004").put("type", "CALC_OPTION")
                    .put("name", "Quarter calc").put("taskCode", "QTR").put("termCode", "Q1")
                    .put("calcMethod", "CATEGORY_WEIGHTED");
        });
        assertThat(alphaText("select task_code from master_item where id = '00000000-0000-4000-8000-000000000004'"))
                .isEqualTo("QTR");
    }

    @Test
    void a_standard_with_the_code_of_a_task_of_the_same_master_is_refused() {
        rejections.assertRejected(doc -> standardQtr(items(doc, MASTER)),
                MASTER_PATH + ".items[2]", "duplicate STANDARD with key \"QTR\"");

        exchange.importDistrict(ExchangeRejectsBadDocumentIT.VALID.getBytes(StandardCharsets.UTF_8));
        rejections.assertRejected(doc -> {
            doc.remove("schools");
            ArrayNode items = items(doc, MASTER);
            items.removeAll();
            standardQtr(items);
        }, MASTER_PATH + ".items[0]", "the master already has a TASK with key \"QTR\"");
    }

    @Test
    void negative_credits_on_a_master_are_refused_as_the_master_editor_refuses_them() {
        rejections.assertRejected(doc -> obj(doc, MASTER).put("credits", -1),
                MASTER_PATH + ".credits", "Credits cannot be negative");
    }

    // ---- terms -----------------------------------------------------------------------------------------------------

    @Test
    void a_term_that_ends_before_it_starts_is_refused() {
        rejections.assertRejected(doc -> obj(doc, "/schools/0/calendars/0/terms/1")
                        .put("startDate", "2026-10-19").put("endDate", "2026-10-16"),
                "$.schools[0].calendars[0].terms[1].endDate", "the term ends before it starts (startDate 2026-10-19)");
    }

    @Test
    void a_term_of_one_day_is_accepted() {
        rejections.imported(doc -> obj(doc, "/schools/0/calendars/0/terms/1")
                .put("startDate", "2026-10-19").put("endDate", "2026-10-19"));
    }

    // ---- text ------------------------------------------------------------------------------------------------------

    @Test
    void a_lone_surrogate_is_refused_instead_of_being_stored_as_a_question_mark() {
        rejections.assertRejected(doc -> obj(doc, MASTER).put("name", "Rhetoric " + LONE_SURROGATE),
                json -> json.replace(LONE_SURROGATE, "\\ud800"),
                MASTER_PATH + ".name", "holds a lone surrogate (U+D800) at character 10");
        rejections.assertRejected(doc -> obj(doc, COURSE + "/sections/0/assignments/0/comments/0")
                        .put("body", LONE_SURROGATE + " good"), json -> json.replace(LONE_SURROGATE, "\\udfff"),
                COURSE_PATH + ".sections[0].assignments[0].comments[0].body", "lone surrogate (U+DFFF)");
    }

    @Test
    void a_control_character_is_refused() {
        rejections.assertRejected(doc -> obj(doc, COURSE).put("name", "Rhetoric\u0007"),
                COURSE_PATH + ".name", "holds the control character U+0007 at character 9");
        rejections.assertRejected(doc -> obj(doc, MASTER + "/items/1").put("name", "Essays\nand more"),
                MASTER_PATH + ".items[1].name", "control character U+000A");
        // PostgreSQL cannot store U+0000 at all: refused by the format, not by the database
        rejections.assertRejected(doc -> obj(doc, COURSE + "/sections/0/assignments/0/comments/0")
                        .put("body", "Strong\u0000thesis."),
                COURSE_PATH + ".sections[0].assignments[0].comments[0].body", "control character U+0000");
    }

    @Test
    void descriptions_and_comments_may_hold_line_breaks_and_tabs() {
        rejections.imported(doc -> {
            obj(doc, MASTER).put("description", "Line one\r\n\tLine two");
            obj(doc, COURSE + "/sections/0/assignments/0/comments/0").put("body", "Strong thesis.\nWatch commas.");
        });
        assertThat(alphaText("select description from course_master where number = 'RJ101'"))
                .isEqualTo("Line one\r\n\tLine two");
    }

    @Test
    void a_category_name_of_zero_width_characters_and_spaces_is_refused() {
        rejections.assertRejected(doc -> obj(doc, MASTER + "/items/1").put("name", "\u200B \u200C\u200D\u2060\uFEFF "),
                MASTER_PATH + ".items[1].name", "must hold a visible character");
    }

    @Test
    void a_blank_name_is_refused() {
        rejections.assertRejected(doc -> obj(doc, MASTER).put("name", " \u00A0 \u3000"),
                MASTER_PATH + ".name", "must hold a visible character");
        rejections.assertRejected(doc -> obj(doc, COURSE + "/sections/0").put("teacher", ""),
                COURSE_PATH + ".sections[0].teacher", "must be at least 1 characters long");
    }

    @Test
    void an_over_long_master_name_is_refused_naming_the_limit() {
        rejections.assertRejected(doc -> obj(doc, MASTER).put("name", "R".repeat(201)),
                MASTER_PATH + ".name", "must be at most 200 characters long");
        rejections.assertRejected(doc -> obj(doc, MASTER).put("name", "R".repeat(1 << 20)),
                MASTER_PATH + ".name", "must be at most 200 characters long");
    }

    @Test
    void a_one_megabyte_category_name_is_refused_by_the_format_not_by_an_index_of_the_database() {
        ExchangeValidationException refusal = rejections.assertRejected(
                mapper.writeValueAsBytes(changed(doc -> obj(doc, MASTER + "/items/1")
                        .put("name", "E".repeat(1 << 20)))),
                MASTER_PATH + ".items[1].name", "must be at most 200 characters long");
        assertThat(refusal.getMessage()).hasSizeLessThan(200);
    }

    @Test
    void an_over_long_code_description_and_comment_are_refused() {
        rejections.assertRejected(doc -> obj(doc, MASTER + "/items/0").put("code", "Q".repeat(51)),
                MASTER_PATH + ".items[0].code", "must be at most 50 characters long");
        rejections.assertRejected(doc -> obj(doc, MASTER).put("description", "d".repeat(2001)),
                MASTER_PATH + ".description", "must be at most 2000 characters long");
        rejections.assertRejected(doc -> obj(doc, COURSE + "/sections/0/assignments/0/comments/0")
                        .put("body", "c".repeat(4001)),
                COURSE_PATH + ".sections[0].assignments[0].comments[0].body", "must be at most 4000 characters long");
    }

    @Test
    void a_name_of_200_characters_counts_characters_not_utf16_units() {
        String doubleStruck = "\uD835\uDD38".repeat(200); // 200 × U+1D538, 400 UTF-16 units
        rejections.imported(doc -> obj(doc, MASTER).put("name", doubleStruck));
        assertThat(alphaText("select name from course_master where number = 'RJ101'")).isEqualTo(doubleStruck);
    }

    @Test
    void every_problem_of_a_stage_is_listed() {
        ExchangeValidationException refusal = rejections.assertRejected(mapper.writeValueAsBytes(changed(doc -> {
            obj(doc, MASTER + "/items/1").put("weight", -5);
            obj(doc, COURSE + "/items/1").put("weight", -5);
        })), MASTER_PATH + ".items[1].weight", "A weight cannot be negative");
        assertThat(refusal.errors()).extracting(ExchangeValidationException.Problem::path)
                .containsExactly(MASTER_PATH + ".items[1].weight", COURSE_PATH + ".items[1].weight");
    }

    // ------------------------------------------------------------------------------------------------------------

    private ObjectNode changed(Consumer<ObjectNode> change) {
        ObjectNode doc = (ObjectNode) mapper.readTree(ExchangeRejectsBadDocumentIT.VALID);
        change.accept(doc);
        return doc;
    }

    private String alphaText(String sql) {
        return TenantContext.call("alpha", () -> tx.execute(status -> jdbc.queryForObject(sql, String.class)));
    }

    private static ArrayNode items(ObjectNode doc, String owner) {
        return array(doc, owner + "/items");
    }

    /** A composite of task QTR's Q1 and Q2 grades (added as the third item of {@code items}). */
    private static ObjectNode addComposite(ArrayNode items, int q1, int q2) {
        ObjectNode composite = items.addObject().put("id", "00000000-0000-4000-8000-000000000005")
                .put("type", "COMPOSITE").put("name", "Year grade").put("taskCode", "QTR").put("termCode", "Y");
        ArrayNode parts = composite.putArray("parts");
        parts.addObject().put("taskCode", "QTR").put("termCode", "Q1").put("weight", q1);
        parts.addObject().put("taskCode", "QTR").put("termCode", "Q2").put("weight", q2);
        return composite;
    }

    private static void standardQtr(ArrayNode items) {
        items.addObject().put("id", "00000000-0000-4000-8000-000000000006").put("type", "STANDARD")
                .put("code", "QTR").put("name", "Quarter standard");
    }
}
