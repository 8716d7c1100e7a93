package app.cascade.catalog;

import app.cascade.ApiClient;
import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints of the Courses tool over HTTP, on {@link SmallDistrict} in alpha and beta (ENG-101 linked,
 * MATH-101 desynced, ART-101 Ignore Master Push, CLUB-1 without master), compared with what the Courses view's
 * services show for the same data.
 */
@CascadeIntegrationTest
class CourseApiIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CourseService courses;

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
    void a_calendars_courses_show_link_state_and_master_as_the_courses_view_does() {
        JsonNode list = ok(api.get("alpha.viewer", "/api/v1/courses?calendarId=" + alpha.calendarId()));

        List<String> shown = new ArrayList<>();
        list.forEach(c -> {
            shown.add(c.get("id").asLong() + " " + c.get("number").asString() + " " + c.get("linkState").asString()
                    + " " + (c.get("masterId").isNull() ? "-" : c.get("masterId").asLong() + "/"
                    + c.get("masterNumber").asString()) + " " + c.get("ignoreMasterPush").asBoolean());
            assertThat(c.get("schoolId").asLong()).isEqualTo(alpha.highSchoolId());
            assertThat(c.get("schoolName").asString()).isEqualTo("Alpha High");
            assertThat(c.get("calendarId").asLong()).isEqualTo(alpha.calendarId());
        });
        assertThat(shown).isEqualTo(viewRows());
        assertThat(list).extracting(c -> c.get("number").asString() + " " + c.get("linkState").asString())
                .containsExactly("ART-101 IGNORE", "CLUB-1 UNLINKED", "ENG-101 LINKED", "MATH-101 DESYNCED");
        assertThat(list.get(2).get("masterId").asLong()).isEqualTo(alpha.english().id());
        assertThat(list.get(0).get("name").asString()).isEqualTo("Studio Art");
    }

    @Test
    void the_desynced_courses_are_those_the_courses_view_marks_desynced_after_a_desync_by_sql() {
        String detach = "update course_item set master_item_id = null where course_id = ? and item_type = 'TASK'";
        alphaFixture.update(detach, alpha.englishCourse().id());
        alphaFixture.update(detach, alpha.artCourse().id());

        JsonNode desynced = ok(api.get("alpha.viewer", "/api/v1/courses?calendarId=" + alpha.calendarId()
                + "&linkState=DESYNCED"));

        assertThat(numbers(desynced)).containsExactly("ENG-101", "MATH-101").isEqualTo(viewRows().stream()
                .filter(r -> r.contains(" DESYNCED ")).map(r -> r.split(" ")[1]).toList());
        desynced.forEach(c -> assertThat(c.get("desynced").asBoolean()).isTrue());
        JsonNode all = ok(api.get("alpha.viewer", "/api/v1/courses?calendarId=" + alpha.calendarId()));
        JsonNode art = all.get(0);
        assertThat(art.get("number").asString()).isEqualTo("ART-101");
        assertThat(art.get("linkState").asString()).as("every push skips it").isEqualTo("IGNORE");
        assertThat(art.get("desynced").asBoolean()).isTrue();
        assertThat(all.get(1).get("desynced").asBoolean()).as("CLUB-1 has no master").isFalse();
    }

    @Test
    void link_states_may_be_repeated_or_separated_by_commas() {
        String path = "/api/v1/courses?calendarId=" + alpha.calendarId();

        assertThat(numbers(ok(api.get("alpha.viewer", path + "&linkState=LINKED&linkState=UNLINKED"))))
                .containsExactly("CLUB-1", "ENG-101");
        assertThat(numbers(ok(api.get("alpha.viewer", path + "&linkState=IGNORE,UNLINKED"))))
                .containsExactly("ART-101", "CLUB-1");
        assertThat(numbers(ok(api.get("alpha.viewer", path + "&linkState=LINKED&masterId=" + alpha.math().id()))))
                .isEmpty();
    }

    @Test
    void a_masters_courses_span_calendars_and_a_calendar_narrows_them() {
        long middle = alphaFixture.calendar(alpha.middleSchoolId(), alpha.yearId(), "T1");
        long second = alphaFixture.course(middle, "MATH-101-MS", "Algebra I").linkTo(alpha.math()).id();

        JsonNode all = ok(api.get("alpha.viewer", "/api/v1/courses?masterId=" + alpha.math().id()));
        assertThat(all).extracting(c -> c.get("id").asLong()).containsExactly(alpha.mathCourse().id(), second);
        assertThat(all.get(1).get("schoolName").asString()).isEqualTo("Alpha Middle");
        assertThat(all.get(1).get("calendarId").asLong()).isEqualTo(middle);
        assertThat(ok(api.get("alpha.viewer", "/api/v1/courses?masterId=" + alpha.math().id() + "&calendarId="
                + middle))).extracting(c -> c.get("id").asLong()).containsExactly(second);
    }

    @Test
    void the_course_list_pages_by_the_link_header_without_losing_or_repeating_a_course() {
        var pages = ApiPages.walk(api, "alpha.viewer", "/api/v1/courses?calendarId=" + alpha.calendarId()
                + "&limit=3");

        assertThat(pages).extracting(List::size).containsExactly(3, 1);
        assertThat(ApiPages.field(pages, "number")).doesNotHaveDuplicates()
                .containsExactly("ART-101", "CLUB-1", "ENG-101", "MATH-101");
        var linked = ApiPages.walk(api, "alpha.viewer", "/api/v1/courses?calendarId=" + alpha.calendarId()
                + "&linkState=LINKED,DESYNCED&limit=1");
        assertThat(ApiPages.field(linked, "number")).containsExactly("ENG-101", "MATH-101");
    }

    @Test
    void a_course_shows_its_info_locks_items_and_sections_as_the_courses_view_does() {
        JsonNode english = ok(api.get("alpha.viewer", "/api/v1/courses/" + alpha.englishCourse().id()));

        TestUsers.signIn(context, "alpha.viewer");
        CourseDetails details = courses.course(alpha.englishCourse().id()).orElseThrow();
        assertThat(english.get("number").asString()).isEqualTo("ENG-101");
        assertThat(english.get("schoolName").asString()).isEqualTo("Alpha High");
        assertThat(english.get("schoolYear").asString()).isEqualTo("24-25");
        assertThat(english.get("linkState").asString()).isEqualTo("LINKED");
        assertThat(english.get("master").get("id").asLong()).isEqualTo(alpha.english().id());
        assertThat(english.get("info").get("name").asString()).isEqualTo("English I");
        assertThat(strings(english.get("lockedInfoFields"))).containsExactly("name", "credits");
        assertThat(items(english.get("items"))).isEqualTo(items(details.items()));
        assertThat(items(english.get("items"))).contains("TASK q1 LOCKED locked MASTER",
                "ASSESSMENT final LINKED_UNLOCKED - MASTER", "CATEGORY participation UNLINKED - COURSE",
                "TASK old UNLINKED course-managed MASTER");
        JsonNode sections = english.get("sections");
        assertThat(sections).extracting(s -> s.get("number").asString() + " " + s.get("teacher").asString())
                .containsExactly("1 Ms. Rivera", "2 Mr. Chen");
        assertThat(items(sections.get(0).get("items"))).isEqualTo(items(details.sections().get(0).items()))
                .contains("CATEGORY reading log UNLINKED - TEACHER");
        assertThat(sections.get(1).get("items")).isEmpty();

        JsonNode club = ok(api.get("alpha.viewer", "/api/v1/courses/" + alpha.clubCourse().id()));
        assertThat(club.get("master").isNull()).isTrue();
        assertThat(club.get("catalogLocks")).isEmpty();
    }

    @Test
    void another_districts_course_calendar_and_master_are_not_found_never_forbidden() {
        long betaCalendar = betaFixture.calendar(beta.middleSchoolId(), beta.yearId(), "T1");
        long betaCourse = betaFixture.course(betaCalendar, "BETA-ONLY", "Beta only").id();
        long betaMaster = betaFixture.master(beta.catalogId(), "BETA-ONLY", "Beta only").id();
        assertThat(api.get("beta.viewer", "/api/v1/courses/" + betaCourse).getStatusCode().value()).isEqualTo(200);

        JsonNode problem = api.problem(api.get("alpha.viewer", "/api/v1/courses/" + betaCourse), 404);
        assertThat(problem.get("type").asString()).isEqualTo("https://cascade.app/problems/not-found");
        assertThat(problem.get("detail").asString()).isEqualTo("No course " + betaCourse + " in this district");
        assertThat(api.problem(api.get("alpha.viewer", "/api/v1/courses?calendarId=" + betaCalendar), 404)
                .get("detail").asString()).isEqualTo("No calendar " + betaCalendar + " in this district");
        assertThat(api.problem(api.get("alpha.viewer", "/api/v1/courses?masterId=" + betaMaster), 404)
                .get("detail").asString()).isEqualTo("No course master " + betaMaster + " in this district");
    }

    @Test
    void a_missing_or_unknown_parameter_is_a_400_naming_it() {
        api.badField(api.get("alpha.viewer", "/api/v1/courses"), "calendarId");
        api.badField(api.get("alpha.viewer", "/api/v1/courses?linkState=LINKED"), "calendarId");
        JsonNode unknown = api.badField(api.get("alpha.viewer", "/api/v1/courses?calendarId=" + alpha.calendarId()
                + "&linkState=LINKED&linkState=NOT_LINKED"), "linkState");
        assertThat(unknown.get("detail").asString()).contains("NOT_LINKED", "LINKED, DESYNCED, IGNORE, UNLINKED");
        api.badField(api.get("alpha.viewer", "/api/v1/courses?calendarId=HS"), "calendarId");
        api.badField(api.get("alpha.viewer", "/api/v1/courses?masterId=1&limit=501"), "limit");
        api.badField(api.get("alpha.viewer", "/api/v1/courses/ENG-101"), "id");
    }

    @Test
    void viewers_and_both_admin_roles_read_support_and_users_without_a_district_are_refused() {
        String list = "/api/v1/courses?calendarId=" + alpha.calendarId();
        String one = "/api/v1/courses/" + alpha.englishCourse().id();
        for (String reader : List.of("alpha.viewer", "alpha.admin", "alpha.push")) {
            assertThat(ok(api.get(reader, list))).as(reader).hasSize(4);
            assertThat(ok(api.get(reader, one)).get("number").asString()).isEqualTo("ENG-101");
        }
        for (String refused : List.of("support", "stranger")) {
            api.problem(api.get(refused, list), 403);
            api.problem(api.get(refused, one), 403);
        }
    }

    /** The rows of the Courses view for the calendar, as "id number state masterId/number ignore". */
    private List<String> viewRows() {
        TestUsers.signIn(context, "alpha.viewer");
        try {
            return courses.page(alpha.yearId(), alpha.highSchoolId(), "", 0, 50).stream()
                    .map(r -> r.id() + " " + r.number() + " " + r.linkState().name() + " " + (r.master() == null ? "-"
                            : r.master().masterId() + "/" + r.master().number()) + " " + r.ignoreMasterPush())
                    .toList();
        } finally {
            TestUsers.signOut();
        }
    }

    /** Items as "TYPE matchkey LINKSTATE locked|course-managed|- ORIGIN", from the API's JSON. */
    private static List<String> items(JsonNode items) {
        List<String> rows = new ArrayList<>();
        items.forEach(i -> rows.add(i.get("values").get("type").asString() + " "
                + i.get("values").get("matchKey").asString().toLowerCase() + " " + i.get("linkState").asString() + " "
                + (i.get("locked").asBoolean() ? "locked" : i.get("courseManaged").asBoolean() ? "course-managed"
                : "-") + " " + i.get("origin").asString()));
        return rows;
    }

    /** The same, from the view's read model. */
    private static List<String> items(List<SetupItem> items) {
        return items.stream().map(i -> i.type() + " " + i.values().matchKey().toLowerCase() + " "
                + i.linkState().name() + " " + (i.linkState() == ItemLinkState.LOCKED ? "locked"
                : i.residual() ? "course-managed" : "-") + " " + i.origin()).toList();
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
