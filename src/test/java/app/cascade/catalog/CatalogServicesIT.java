package app.cascade.catalog;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.DistrictFixture.CourseFixture;
import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.cascade.catalog.ItemLinkState.LINKED_UNLOCKED;
import static app.cascade.catalog.ItemLinkState.LOCKED;
import static app.cascade.catalog.ItemLinkState.UNLINKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@CascadeIntegrationTest
class CatalogServicesIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    CatalogService catalogs;
    @Autowired
    CourseMasterService masters;
    @Autowired
    CourseService courses;
    @Autowired
    CourseMasterEditService edits;

    DistrictFixture alphaFixture;
    SmallDistrict alpha;
    SmallDistrict beta;

    @BeforeEach
    void districts() {
        alphaFixture = DistrictFixture.in("alpha", context).wipe();
        alpha = SmallDistrict.insert(alphaFixture, "Alpha");
        beta = SmallDistrict.insert(DistrictFixture.in("beta", context).wipe(), "Beta");
        TestUsers.signIn(context, "alpha.viewer");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void an_alpha_user_gets_alphas_catalogs_and_never_betas() {
        List<CatalogSummary> found = catalogs.catalogs();

        assertThat(found).extracting(CatalogSummary::name)
                .containsExactly("Alpha High School Catalog", "Alpha Middle School Catalog");
        CatalogSummary high = found.getFirst();
        assertThat(high.lockedCourseInfoFields()).containsExactly(CatalogLock.NAME, CatalogLock.CREDITS);
        assertThat(high.lockedGradingTypes()).containsExactly(CatalogLock.TASKS_STANDARDS, CatalogLock.CATEGORIES,
                CatalogLock.ASSESSMENTS);
        assertThat(high.schools()).extracting(SchoolRef::name).containsExactly("Alpha High");
        assertThat(high.masterCount()).isEqualTo(5);
        assertThat(courses.schools()).extracting(SchoolRef::name, SchoolRef::catalogName).containsExactly(
                tuple("Alpha High", "Alpha High School Catalog"), tuple("Alpha Middle", "Alpha Middle School Catalog"));
    }

    @Test
    void a_catalogs_schools_are_listed_by_name_and_a_school_without_a_catalog_is_listed_alone() {
        alphaFixture.school("HS2", "alpha annex", alpha.catalogId());
        alphaFixture.school("NONE", "Alpha Online", null);

        assertThat(catalogs.catalog(alpha.catalogId()).orElseThrow().schools()).extracting(SchoolRef::name)
                .containsExactly("alpha annex", "Alpha High");
        assertThat(courses.schools()).filteredOn(s -> s.name().equals("Alpha Online")).singleElement()
                .extracting(SchoolRef::catalogName).isNull();
    }

    @Test
    void only_the_school_year_that_contains_today_is_current() {
        LocalDate today = LocalDate.now();
        alphaFixture.year("98-99", today.minusDays(2), today.plusDays(2));

        assertThat(courses.schoolYears()).extracting(SchoolYearRef::code, SchoolYearRef::current)
                .containsExactly(tuple("98-99", true), tuple("24-25", false), tuple("23-24", false));
    }

    @Test
    void a_beta_user_gets_betas_data() {
        TestUsers.signIn(context, "beta.viewer");

        assertThat(catalogs.catalogs()).extracting(CatalogSummary::name).allMatch(name -> name.startsWith("Beta "));
    }

    @Test
    void another_districts_course_is_not_found() {
        CourseFixture betaOnly = DistrictFixture.in("beta", context).course(beta.calendarId(), "BETA-ONLY", "Beta");

        assertThat(courses.course(betaOnly.id())).isEmpty();
        assertThat(courses.course(alpha.englishCourse().id())).isPresent();
    }

    @Test
    void masters_are_paged_in_the_database_by_number() {
        assertThat(masters.count(alpha.catalogId(), "")).isEqualTo(5);
        assertThat(masters.page(alpha.catalogId(), "", 0, 2)).extracting(MasterRow::number)
                .containsExactly("ART-101", "ENG-101");
        assertThat(masters.page(alpha.catalogId(), " ", 2, 2)).extracting(MasterRow::number)
                .containsExactly("HIST-101", "MATH-101");
        assertThat(masters.page(alpha.catalogId(), null, 4, 10)).extracting(MasterRow::number)
                .containsExactly("SCI-101");
        assertThat(masters.page(alpha.otherCatalogId(), "", 0, 10)).isEmpty();
    }

    @Test
    void masters_are_filtered_by_number_name_or_department() {
        assertThat(masters.page(alpha.catalogId(), "arts", 0, 10)).extracting(MasterRow::number)
                .containsExactly("ART-101", "ENG-101");
        assertThat(masters.count(alpha.catalogId(), "ARTS")).isEqualTo(2);
        assertThat(masters.page(alpha.catalogId(), "biology", 0, 10)).extracting(MasterRow::number)
                .containsExactly("SCI-101");
        assertThat(masters.page(alpha.catalogId(), "math-1", 0, 10)).extracting(MasterRow::number)
                .containsExactly("MATH-101");
        assertThat(masters.count(alpha.catalogId(), "%")).as("LIKE wildcards are literal").isZero();
        assertThat(masters.count(alpha.catalogId(), "_")).isZero();
    }

    @Test
    void a_masters_items_are_grouped_by_the_six_data_types() {
        MasterDetails english = masters.master(alpha.english().id()).orElseThrow();

        assertThat(english.catalogName()).isEqualTo("Alpha High School Catalog");
        assertThat(english.catalogLocks()).containsExactlyInAnyOrder(CatalogLock.NAME, CatalogLock.CREDITS,
                CatalogLock.TASKS_STANDARDS, CatalogLock.CATEGORIES, CatalogLock.ASSESSMENTS);
        assertThat(masters.master(-1)).isEmpty();
        assertThat(english.info().department()).isEqualTo("Language Arts");
        assertThat(english.info().text(CatalogLock.CREDITS)).isEqualTo("1.00");
        assertThat(english.items(ItemType.TASK)).extracting(GradingItem::code).containsExactly("Q1");
        assertThat(english.items(ItemType.STANDARD)).extracting(GradingItem::code).containsExactly("RL.1");
        assertThat(english.items(ItemType.CATEGORY)).extracting(GradingItem::name).containsExactly("Homework", "Tests");
        assertThat(english.items(ItemType.ASSESSMENT)).extracting(GradingItem::code).containsExactly("FINAL");
        assertThat(english.items(ItemType.CALC_OPTION)).extracting(GradingItem::matchKey).containsExactly("Q1|T1");
        assertThat(english.items(ItemType.COMPOSITE)).extracting(GradingItem::matchKey).containsExactly("Q1|T2");
        assertThat(masters.master(alpha.math().id()).orElseThrow().items(ItemType.ASSESSMENT)).isEmpty();
    }

    @Test
    void a_category_added_to_a_master_reads_back_with_the_match_key_the_database_derives() {
        TestUsers.signIn(context, "alpha.admin");
        UUID id = edits.addItem(alpha.math().id(), ItemType.CATEGORY,
                new ItemEdit(null, "Quizzes", null, null, new BigDecimal("12.5"), null, null, null, null));

        assertThat(masters.master(alpha.math().id()).orElseThrow().items(ItemType.CATEGORY))
                .filteredOn(i -> i.id().equals(id)).singleElement().satisfies(quizzes -> {
                    assertThat(quizzes.matchKey()).isEqualTo("quizzes");
                    assertThat(quizzes.weight()).isEqualByComparingTo("12.5");
                });
    }

    @Test
    void courses_are_paged_and_filtered_in_the_database_with_their_link_state() {
        List<CourseRow> all = courses.page(alpha.yearId(), alpha.highSchoolId(), "", 0, 50);

        assertThat(all).extracting(CourseRow::number).containsExactly("ART-101", "CLUB-1", "ENG-101", "MATH-101");
        Map<String, CourseRow> byNumber = all.stream().collect(Collectors.toMap(CourseRow::number, Function.identity()));
        assertThat(byNumber.get("ENG-101").linkState()).isEqualTo(CourseLinkState.LINKED);
        assertThat(byNumber.get("ENG-101").master().label()).isEqualTo("Alpha High School Catalog / ENG-101");
        assertThat(byNumber.get("MATH-101").linkState()).isEqualTo(CourseLinkState.DESYNCED);
        assertThat(byNumber.get("ART-101").linkState()).isEqualTo(CourseLinkState.IGNORE);
        assertThat(byNumber.get("ART-101").ignoreMasterPush()).isTrue();
        assertThat(byNumber.get("CLUB-1").linkState()).isEqualTo(CourseLinkState.UNLINKED);
        assertThat(byNumber.get("CLUB-1").master()).isNull();

        assertThat(courses.page(alpha.yearId(), alpha.highSchoolId(), "", 1, 2)).extracting(CourseRow::number)
                .containsExactly("CLUB-1", "ENG-101");
        assertThat(courses.count(alpha.yearId(), alpha.highSchoolId(), "")).isEqualTo(4);
        assertThat(courses.page(alpha.yearId(), alpha.highSchoolId(), "chess", 0, 10)).extracting(CourseRow::number)
                .containsExactly("CLUB-1");
        assertThat(courses.count(alpha.yearId(), alpha.highSchoolId(), "mathematics")).isEqualTo(1);
        assertThat(courses.count(alpha.emptyYearId(), alpha.highSchoolId(), "")).isZero();
        assertThat(courses.count(alpha.yearId(), alpha.middleSchoolId(), "")).isZero();
    }

    @Test
    void course_items_are_locked_linked_unlocked_or_unlinked() {
        CourseDetails english = courses.course(alpha.englishCourse().id()).orElseThrow();

        assertThat(english.linkState()).isEqualTo(CourseLinkState.LINKED);
        assertThat(english.lockedInfoFields()).containsExactlyInAnyOrder(CatalogLock.NAME, CatalogLock.CREDITS);
        Map<String, SetupItem> items = byKey(english.items());
        assertThat(items.get("TASK q1").linkState()).isEqualTo(LOCKED);
        assertThat(items.get("STANDARD rl.1").linkState()).isEqualTo(LOCKED);
        assertThat(items.get("CATEGORY homework").linkState()).isEqualTo(LOCKED);
        assertThat(items.get("ASSESSMENT final").linkState()).as("assessments are never locked")
                .isEqualTo(LINKED_UNLOCKED);
        assertThat(items.get("CALC_OPTION q1|t1").linkState()).as("calc options are not locked in this catalog")
                .isEqualTo(LINKED_UNLOCKED);
        assertThat(items.get("CATEGORY participation").linkState()).isEqualTo(UNLINKED);
        assertThat(items.get("CATEGORY participation").origin()).isEqualTo(Origin.COURSE);
        assertThat(items.get("TASK old").residual()).isTrue();
        assertThat(items.get("TASK old").linkState()).isEqualTo(UNLINKED);

        assertThat(english.sections()).extracting(SectionSetup::number).containsExactly("1", "2");
        Map<String, SetupItem> section = byKey(english.sections().getFirst().items());
        assertThat(section.get("CATEGORY homework").linkState()).isEqualTo(LOCKED);
        assertThat(section.get("CATEGORY homework").origin()).isEqualTo(Origin.MASTER);
        assertThat(section.get("CATEGORY participation").linkState()).isEqualTo(LINKED_UNLOCKED);
        assertThat(section.get("CATEGORY participation").origin()).isEqualTo(Origin.COURSE);
        assertThat(section.get("CALC_OPTION q1|t1").linkState()).isEqualTo(LINKED_UNLOCKED);
        assertThat(section.get("CATEGORY reading log").linkState()).isEqualTo(UNLINKED);
        assertThat(section.get("CATEGORY reading log").origin()).isEqualTo(Origin.TEACHER);
        assertThat(english.sections().get(1).items()).isEmpty();
    }

    @Test
    void nothing_is_locked_on_an_ignore_master_push_course() {
        CourseDetails art = courses.course(alpha.artCourse().id()).orElseThrow();

        assertThat(art.linkState()).isEqualTo(CourseLinkState.IGNORE);
        assertThat(art.lockedInfoFields()).isEmpty();
        assertThat(art.items()).isNotEmpty().extracting(SetupItem::linkState).containsOnly(LINKED_UNLOCKED);
    }

    @Test
    void a_detached_item_with_a_current_master_key_desyncs_the_course() {
        CourseDetails math = courses.course(alpha.mathCourse().id()).orElseThrow();

        assertThat(math.linkState()).isEqualTo(CourseLinkState.DESYNCED);
        assertThat(byKey(math.items()).get("TASK q2").linkState()).isEqualTo(UNLINKED);
    }

    @Test
    void a_foreign_link_or_two_links_to_one_master_item_desync_a_course() {
        UUID englishQ1 = alpha.english().itemId(ItemType.TASK, "Q1");
        UUID mathQ1 = alpha.math().itemId(ItemType.TASK, "Q1");
        CourseFixture foreign = secondCalendarCourse("FOREIGN").copyFromMaster(englishQ1);
        CourseFixture doubled = secondCalendarCourse("DOUBLED").copyFromMaster(mathQ1).copyFromMaster(mathQ1);

        assertThat(courses.course(foreign.id()).orElseThrow().linkState()).isEqualTo(CourseLinkState.DESYNCED);
        assertThat(courses.course(doubled.id()).orElseThrow().linkState()).isEqualTo(CourseLinkState.DESYNCED);
        assertThat(courses.page(alpha.yearId(), alpha.middleSchoolId(), "", 0, 10)).extracting(CourseRow::linkState)
                .containsOnly(CourseLinkState.DESYNCED);
    }

    @Test
    void removed_links_residuals_course_categories_and_unlocked_types_do_not_desync() {
        UUID mathQ1 = alpha.math().itemId(ItemType.TASK, "Q1");
        CourseFixture course = secondCalendarCourse("CLEAN")
                .copyFromMaster(mathQ1)
                .linked(ItemSpec.task("GONE", "Removed from the master"), UUID.randomUUID())
                .residual(ItemSpec.task("Q2", "Quarter 2"))
                .unlinked(ItemSpec.category("homework ", "10"), Origin.COURSE)
                .unlinked(ItemSpec.calcOption("Q1", "T1", "POINTS"), Origin.MASTER);
        alpha.math().with(ItemSpec.calcOption("Q1", "T1", "POINTS"));

        CourseDetails details = courses.course(course.id()).orElseThrow();
        assertThat(details.linkState()).isEqualTo(CourseLinkState.LINKED);
        assertThat(byKey(details.items()).get("TASK gone").linkState()).isEqualTo(LOCKED);
    }

    @Test
    void a_support_user_and_an_anonymous_caller_are_refused() {
        TestUsers.signIn(context, "support");
        assertThatThrownBy(() -> catalogs.catalogs()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> masters.page(alpha.catalogId(), "", 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> courses.schoolYears()).isInstanceOf(AccessDeniedException.class);

        TestUsers.signOut();
        assertThatThrownBy(() -> catalogs.catalogs())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> courses.course(alpha.englishCourse().id()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_admin_reads_like_a_viewer() {
        TestUsers.signIn(context, "alpha.admin");

        assertThat(catalogs.catalogs()).hasSize(2);
        assertThat(courses.schoolYears()).extracting(SchoolYearRef::code).containsExactly("24-25", "23-24");
    }

    /** A course of the middle school's 24-25 calendar linked to Algebra I, without items. */
    private CourseFixture secondCalendarCourse(String number) {
        Long existing = alphaFixture.query("select max(id) from calendar where school_id = ?", Long.class,
                alpha.middleSchoolId());
        long calendar = existing != null ? existing
                : alphaFixture.calendar(alpha.middleSchoolId(), alpha.yearId(), "T1", "T2");
        return alphaFixture.course(calendar, number, number).linkTo(alpha.math());
    }

    private static Map<String, SetupItem> byKey(List<SetupItem> items) {
        return items.stream().collect(Collectors.toMap(
                i -> i.type() + " " + i.values().matchKey().toLowerCase(), Function.identity()));
    }
}
