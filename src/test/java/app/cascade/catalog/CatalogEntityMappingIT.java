package app.cascade.catalog;

import app.cascade.CascadeIntegrationTest;
import app.cascade.catalog.internal.Course;
import app.cascade.catalog.internal.CourseItem;
import app.cascade.catalog.internal.CourseItemRepository;
import app.cascade.catalog.internal.CourseMaster;
import app.cascade.catalog.internal.CourseRepository;
import app.cascade.catalog.internal.MasterItem;
import app.cascade.catalog.internal.MasterItemRepository;
import app.cascade.catalog.internal.SchoolCalendar;
import app.cascade.catalog.internal.SchoolCalendarRepository;
import app.cascade.catalog.internal.SectionItem;
import app.cascade.catalog.internal.SectionItemRepository;
import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import app.cascade.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The JPA entities read and write the V1 district tables (no DDL: a wrong mapping fails here). */
@CascadeIntegrationTest
class CatalogEntityMappingIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EntityManager em;
    @Autowired
    CourseRepository courses;
    @Autowired
    CourseItemRepository courseItems;
    @Autowired
    SectionItemRepository sectionItems;
    @Autowired
    MasterItemRepository masterItems;
    @Autowired
    SchoolCalendarRepository calendars;

    SmallDistrict alpha;
    DistrictFixture fixture;

    @BeforeEach
    void district() {
        fixture = DistrictFixture.in("alpha", context).wipe();
        alpha = SmallDistrict.insert(fixture, "Alpha");
    }

    @Test
    void entities_read_the_district_tables() {
        inAlpha(() -> {
            Course course = courses.findById(alpha.englishCourse().id()).orElseThrow();
            assertThat(course.getMaster().getNumber()).isEqualTo("ENG-101");
            assertThat(course.getMaster().getCatalog().getLocks()).contains(CatalogLock.NAME, CatalogLock.CREDITS);
            assertThat(course.getInfo().getCredits()).isEqualByComparingTo("1.00");
            assertThat(course.getCalendar().getSchool().getName()).isEqualTo("Alpha High");
            SchoolCalendar calendar = calendars.findById(alpha.calendarId()).orElseThrow();
            assertThat(calendar.getTerms()).extracting(t -> t.getCode()).containsExactly("T1", "T2");

            CourseItem composite = courseItems.findById(alpha.englishCourse().itemId(ItemType.COMPOSITE, "Q1|T2"))
                    .orElseThrow();
            assertThat(composite.getOrigin()).isEqualTo(Origin.MASTER);
            assertThat(composite.getMasterItemId()).isEqualTo(alpha.english().itemId(ItemType.COMPOSITE, "Q1|T2"));
            assertThat(composite.getParts()).contains("\"taskCode\"");
            assertThat(sectionItems.findAll()).extracting(SectionItem::getOrigin).contains(Origin.TEACHER);
        });
    }

    @Test
    void a_saved_item_gets_its_match_key_from_the_database() {
        UUID id = UUID.randomUUID();
        inAlpha(() -> {
            MasterItem item = new MasterItem(id, em.getReference(CourseMaster.class,
                    alpha.math().id()), ItemType.CATEGORY, "  Quizzes ");
            item.setWeight(new BigDecimal("12.5"));
            masterItems.saveAndFlush(item);
        });
        assertThat(fixture.query("select match_key from master_item where id = ?", String.class, id))
                .isEqualTo("quizzes");
        inAlpha(() -> assertThat(masterItems.findById(id).orElseThrow().getMatchKey()).isEqualTo("quizzes"));
    }

    private void inAlpha(Runnable work) {
        TenantContext.run("alpha", () -> new TransactionTemplate(transactions).executeWithoutResult(s -> work.run()));
    }
}
