package app.cascade.catalog;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import app.cascade.grading.ItemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints of the Course Masters tool and the calendars over HTTP, on {@link SmallDistrict} in alpha and
 * beta, compared with what the services behind the views and the database hold.
 */
@CascadeIntegrationTest
class CatalogApiIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CourseMasterService masters;
    @Autowired
    CourseService courses;
    @Autowired
    CourseMasterEditService edits;

    ApiClient api;
    DistrictFixture alphaFixture;
    DistrictFixture betaFixture;
    SmallDistrict alpha;
    SmallDistrict beta;

    @BeforeEach
    void districts() {
        api = new ApiClient(port);
        alphaFixture = DistrictFixture.in("alpha", context).wipe();
        alpha = SmallDistrict.insert(alphaFixture, "Alpha");
        betaFixture = DistrictFixture.in("beta", context).wipe();
        beta = SmallDistrict.insert(betaFixture, "Beta");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_catalogs_masters_come_in_the_course_masters_order_with_the_item_counts_the_database_holds() {
        JsonNode list = ok(api.get("alpha.viewer", "/api/v1/masters?catalogId=" + alpha.catalogId()));

        TestUsers.signIn(context, "alpha.viewer");
        List<String> viewOrder = masters.page(alpha.catalogId(), "", 0, 50).stream().map(MasterRow::number).toList();
        assertThat(numbers(list)).isEqualTo(viewOrder).containsExactly("ART-101", "ENG-101", "HIST-101",
                "MATH-101", "SCI-101");
        for (JsonNode master : list) {
            int sum = 0;
            for (ItemType type : ItemType.values()) {
                int count = master.get("items").get(type.name()).asInt();
                assertThat((long) count).as(master.get("number").asString() + " " + type).isEqualTo(
                        alphaFixture.query("select count(*) from master_item where master_id = ? and item_type = ?",
                                Long.class, master.get("id").asLong(), type.name()));
                sum += count;
            }
            assertThat(master.get("itemCount").asInt()).isEqualTo(sum);
            assertThat(master.get("catalogId").asLong()).isEqualTo(alpha.catalogId());
            assertThat(master.get("lastChangedAt").isNull()).as("no change recorded").isTrue();
        }
        JsonNode english = list.get(1);
        assertThat(english.get("id").asLong()).isEqualTo(alpha.english().id());
        assertThat(english.get("name").asString()).isEqualTo("English I");
        assertThat(english.get("itemCount").asInt()).isEqualTo(7);
    }

    @Test
    void a_recorded_grading_change_is_the_masters_last_change_and_an_attribute_change_is_not() {
        TestUsers.signIn(context, "alpha.admin");
        edits.addItem(alpha.math().id(), ItemType.CATEGORY,
                new ItemEdit(null, "Quizzes", null, null, new BigDecimal("10"), null, null, null, null));
        Instant recorded = alphaFixture.query("select max(changed_at) from master_change where master_id = ?",
                Timestamp.class, alpha.math().id()).toInstant();
        edits.updateInfo(alpha.math().id(), CatalogLock.DESCRIPTION, "Linear equations");

        JsonNode list = ok(api.get("alpha.viewer", "/api/v1/masters?catalogId=" + alpha.catalogId()));

        JsonNode math = list.get(3);
        assertThat(math.get("number").asString()).isEqualTo("MATH-101");
        assertThat(Instant.parse(math.get("lastChangedAt").asString())).isEqualTo(recorded);
        assertThat(math.get("items").get("CATEGORY").asInt()).isEqualTo(2);
        assertThat(list.get(0).get("lastChangedAt").isNull()).isTrue();
    }

    @Test
    void the_masters_list_pages_by_the_link_header_without_losing_or_repeating_a_master() {
        var pages = ApiPages.walk(api, "alpha.viewer", "/api/v1/masters?catalogId=" + alpha.catalogId()
                + "&limit=3");

        assertThat(pages).extracting(List::size).containsExactly(3, 2);
        assertThat(ApiPages.field(pages, "number")).doesNotHaveDuplicates()
                .containsExactly("ART-101", "ENG-101", "HIST-101", "MATH-101", "SCI-101");
        assertThat(ApiPages.walk(api, "alpha.viewer", "/api/v1/masters?catalogId=" + alpha.catalogId()
                + "&limit=5")).extracting(List::size).containsExactly(5);
        assertThat(ok(api.get("alpha.viewer", "/api/v1/masters?catalogId=" + alpha.otherCatalogId()))).isEmpty();
    }

    @Test
    void the_short_lists_page_by_the_same_link_header_as_every_other_list() {
        for (String list : List.of("/api/v1/school-years", "/api/v1/catalogs")) {
            List<JsonNode> whole = ApiPages.walk(api, "alpha.viewer", list).getFirst();
            var pages = ApiPages.walk(api, "alpha.viewer", list + "?limit=1");

            assertThat(whole).as(list).hasSizeGreaterThan(1);
            assertThat(pages).as(list).hasSize(whole.size()).allSatisfy(page -> assertThat(page).hasSize(1));
            assertThat(ApiPages.field(pages, "id")).as(list).containsExactlyElementsOf(
                    whole.stream().map(n -> n.get("id").asString()).toList());
        }
        assertThat(api.problem(api.get("alpha.viewer", "/api/v1/catalogs?limit=0"), 400).get("field").asString())
                .isEqualTo("limit");
    }

    @Test
    void a_master_shows_its_info_its_catalogs_locks_and_all_six_types_as_the_master_view_reads_them() {
        JsonNode english = ok(api.get("alpha.viewer", "/api/v1/masters/" + alpha.english().id()));

        TestUsers.signIn(context, "alpha.viewer");
        MasterDetails details = masters.master(alpha.english().id()).orElseThrow();
        assertThat(english.get("number").asString()).isEqualTo("ENG-101");
        assertThat(english.get("catalogName").asString()).isEqualTo("Alpha High School Catalog");
        assertThat(english.get("info").get("department").asString()).isEqualTo("Language Arts");
        assertThat(english.get("info").get("credits").decimalValue()).isEqualByComparingTo("1");
        assertThat(strings(english.get("catalogLocks")))
                .containsExactly("name", "credits", "TASKS_STANDARDS", "CATEGORIES", "ASSESSMENTS");
        for (ItemType type : ItemType.values()) {
            List<String> shown = new ArrayList<>();
            english.get("items").get(type.name()).forEach(i -> {
                assertThat(i.get("type").asString()).isEqualTo(type.name());
                shown.add(i.get("id").asString() + " " + i.get("matchKey").asString());
            });
            assertThat(shown).as(type.name()).isEqualTo(details.items(type).stream()
                    .map(i -> i.id() + " " + i.matchKey()).toList()).isNotEmpty();
        }
        JsonNode homework = english.get("items").get("CATEGORY").get(0);
        assertThat(homework.get("name").asString()).isEqualTo("Homework");
        assertThat(homework.get("weight").toString()).isEqualTo("40");
        JsonNode calc = english.get("items").get("CALC_OPTION").get(0);
        assertThat(calc.get("calcMethod").asString()).isEqualTo("POINTS");
        assertThat(calc.get("rounding").asInt()).isEqualTo(2);
        JsonNode part = english.get("items").get("COMPOSITE").get(0).get("parts").get(0);
        assertThat(part.get("taskCode").asString() + " " + part.get("termCode").asString() + " "
                + part.get("weight")).isEqualTo("Q1 T1 1");
        JsonNode math = ok(api.get("alpha.viewer", "/api/v1/masters/" + alpha.math().id()));
        assertThat(math.get("items").get("ASSESSMENT")).isEmpty();
    }

    @Test
    void a_years_calendars_are_those_push_all_courses_offers_with_school_and_terms() {
        JsonNode calendars = ok(api.get("alpha.viewer", "/api/v1/calendars?schoolYearId=" + alpha.yearId()));

        TestUsers.signIn(context, "alpha.viewer");
        assertThat(calendars).extracting(c -> c.get("id").asLong()).isEqualTo(courses.calendars(alpha.yearId())
                .stream().map(CalendarRef::id).toList()).containsExactly(alpha.calendarId());
        JsonNode high = calendars.get(0);
        assertThat(high.get("name").asString()).isEqualTo("HS 24-25");
        assertThat(high.get("schoolId").asLong()).isEqualTo(alpha.highSchoolId());
        assertThat(high.get("schoolCode").asString()).isEqualTo("HS");
        assertThat(high.get("schoolName").asString()).isEqualTo("Alpha High");
        assertThat(strings(high.get("terms"))).containsExactly("T1", "T2");
        assertThat(high.get("courses").asInt()).isEqualTo(4);
        alphaFixture.calendar(alpha.middleSchoolId(), alpha.yearId(), "T1");
        assertThat(ok(api.get("alpha.viewer", "/api/v1/calendars?schoolYearId=" + alpha.yearId())))
                .as("a calendar without courses is not offered").hasSize(1);
        assertThat(ok(api.get("alpha.viewer", "/api/v1/calendars?schoolYearId=" + alpha.emptyYearId()))).isEmpty();
    }

    @Test
    void another_districts_catalog_master_and_year_are_not_found_never_forbidden() {
        long betaMaster = betaFixture.master(beta.catalogId(), "BETA-ONLY", "Beta only").id();
        long betaCatalog = betaFixture.catalog("Beta Only Catalog");
        long betaYear = betaFixture.year("22-23", LocalDate.of(2022, 8, 1), LocalDate.of(2023, 7, 31));
        assertThat(api.get("beta.viewer", "/api/v1/masters/" + betaMaster).getStatusCode().value()).isEqualTo(200);

        JsonNode problem = api.problem(api.get("alpha.viewer", "/api/v1/masters/" + betaMaster), 404);
        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/not-found");
        assertThat(problem.get("detail").asString()).isEqualTo("No course master " + betaMaster + " in this district");
        assertThat(api.problem(api.get("alpha.admin", "/api/v1/masters?catalogId=" + betaCatalog), 404)
                .get("detail").asString()).isEqualTo("No course catalog " + betaCatalog + " in this district");
        assertThat(api.problem(api.get("alpha.viewer", "/api/v1/calendars?schoolYearId=" + betaYear), 404)
                .get("detail").asString()).isEqualTo("No school year " + betaYear + " in this district");
        api.problem(api.get("alpha.viewer", "/api/v1/masters/-1"), 404);
    }

    @Test
    void a_missing_or_unreadable_parameter_is_a_400_naming_it() {
        api.badField(api.get("alpha.viewer", "/api/v1/masters"), "catalogId");
        api.badField(api.get("alpha.viewer", "/api/v1/masters?catalogId=abc"), "catalogId");
        api.badField(api.get("alpha.viewer", "/api/v1/masters?catalogId=1&limit=0"), "limit");
        api.badField(api.get("alpha.viewer", "/api/v1/masters?catalogId=1&cursor=xyz"), "cursor");
        api.badField(api.get("alpha.viewer", "/api/v1/masters/ENG-101"), "id");
        api.badField(api.get("alpha.viewer", "/api/v1/calendars"), "schoolYearId");
    }

    @Test
    void viewers_and_both_admin_roles_read_support_and_users_without_a_district_are_refused() {
        String path = "/api/v1/masters?catalogId=" + alpha.catalogId();
        for (String reader : List.of("alpha.viewer", "alpha.admin", "alpha.push")) {
            assertThat(ok(api.get(reader, path))).as(reader).hasSize(5);
        }
        for (String refused : List.of("support", "stranger")) {
            api.problem(api.get(refused, path), 403);
            api.problem(api.get(refused, "/api/v1/masters/" + alpha.english().id()), 403);
            api.problem(api.get(refused, "/api/v1/calendars?schoolYearId=" + alpha.yearId()), 403);
            api.problem(api.get(refused, "/api/v1/catalogs"), 403);
            api.problem(api.get(refused, "/api/v1/school-years"), 403);
        }
        assertThat(api.get(null, path).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void the_openapi_document_names_each_read_endpoints_tool_parameters_and_problems() {
        JsonNode paths = ok(api.get(null, "/v3/api-docs")).get("paths");

        Map<String, String> tools = Map.of("/api/v1/masters", "Course masters", "/api/v1/masters/{id}",
                "Course masters", "/api/v1/calendars", "Courses", "/api/v1/courses", "Courses",
                "/api/v1/courses/{id}", "Courses", "/api/v1/catalogs", "Catalogs", "/api/v1/school-years", "Catalogs");
        tools.forEach((path, tag) -> {
            JsonNode get = paths.get(path).get("get");
            assertThat(strings(get.get("tags"))).as(path).containsExactly(tag);
            assertThat(get.get("summary").asString()).as(path).isNotBlank();
            assertThat(get.get("description").asString()).as(path).contains("Requires VIEWER");
            assertThat(names(get.get("responses"))).as(path).contains("200", "401", "403", "500", "503");
        });
        for (String list : List.of("/api/v1/masters", "/api/v1/courses")) {
            JsonNode get = paths.get(list).get("get");
            assertThat(get.get("description").asString()).contains("`Link`");
            assertThat(names(get.get("responses"))).contains("400", "404");
            assertThat(parameters(get)).containsKeys("limit", "cursor");
        }
        assertThat(parameters(paths.get("/api/v1/masters").get("get")).get("catalogId").get("required").asBoolean())
                .isTrue();
        assertThat(parameters(paths.get("/api/v1/calendars").get("get")).get("schoolYearId").get("required")
                .asBoolean()).isTrue();
        JsonNode linkState = parameters(paths.get("/api/v1/courses").get("get")).get("linkState").get("schema");
        assertThat(linkState.get("type").asString()).isEqualTo("array");
        assertThat(strings(linkState.get("items").get("enum")))
                .containsExactly("LINKED", "DESYNCED", "IGNORE", "UNLINKED");
    }

    private static Map<String, JsonNode> parameters(JsonNode operation) {
        Map<String, JsonNode> byName = new HashMap<>();
        operation.get("parameters").forEach(p -> byName.put(p.get("name").asString(), p));
        return byName;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private JsonNode ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return api.json(response.getBody());
    }

    private static List<String> numbers(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.forEach(n -> numbers.add(n.get("number").asString()));
        return numbers;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }
}
