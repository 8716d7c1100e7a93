package app.cascade.catalog;

import app.cascade.CascadeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Managing course catalogs through CatalogAdminService, on the real database of district alpha. */
@CascadeIntegrationTest
class CatalogAdminIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    CatalogAdminService admin;
    @Autowired
    CatalogService catalogs;

    DistrictFixture d;
    long high;
    long lhs;
    long lms;
    long other;

    @BeforeEach
    void district() {
        d = DistrictFixture.in("alpha", context).wipe();
        high = d.catalog("High School Catalog", CatalogLock.NAME, CatalogLock.CATEGORIES);
        lhs = d.school("LHS", "Lakeside High", high);
        lms = d.school("LMS", "Lakeside Middle", null);
        other = d.school("OHS", "Other High", null);
        TestUsers.signIn(context, "alpha.admin");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private CatalogSummary summary(long id) {
        return catalogs.catalog(id).orElseThrow();
    }

    @Test
    void a_catalog_is_created_with_its_locks_and_schools() {
        long id = admin.create("  Middle School Catalog ", EnumSet.of(CatalogLock.CREDITS,
                CatalogLock.TASKS_STANDARDS), List.of(lms));

        CatalogSummary created = summary(id);
        assertThat(created.name()).isEqualTo("Middle School Catalog");
        assertThat(created.lockedCourseInfoFields()).containsExactly(CatalogLock.CREDITS);
        assertThat(created.lockedGradingTypes()).containsExactly(CatalogLock.TASKS_STANDARDS);
        assertThat(created.schools()).extracting(SchoolRef::code).containsExactly("LMS");
        assertThat(summary(high).schools()).extracting(SchoolRef::code).containsExactly("LHS");
    }

    @Test
    void a_duplicate_name_is_refused_whatever_its_case_and_nothing_is_created() {
        assertThatThrownBy(() -> admin.create("high school catalog ", Set.of(), List.of(lms)))
                .isInstanceOf(SetupEditException.class)
                .hasMessage("A course catalog named \"High School Catalog\" already exists: catalog names are "
                        + "unique, whatever their case");
        assertThatThrownBy(() -> admin.create("  ", Set.of(), List.of())).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("needs a name");
        assertThat(catalogs.catalogs()).extracting(CatalogSummary::name).containsExactly("High School Catalog");
        assertThat(d.query("select count(*) from school where catalog_id is not null", Long.class)).isEqualTo(1);
    }

    @Test
    void renaming_keeps_the_id_allows_a_case_change_and_refuses_another_catalogs_name() {
        long middle = admin.create("Middle School Catalog", Set.of(), List.of());

        admin.rename(high, "HIGH School Catalog");
        assertThat(summary(high).name()).isEqualTo("HIGH School Catalog");

        assertThatThrownBy(() -> admin.rename(middle, "High school catalog")).isInstanceOf(SetupEditException.class)
                .hasMessageContaining("\"HIGH School Catalog\" already exists");
        // one transaction: an update refused at its last step (an unknown school) leaves name and locks as they were
        assertThatThrownBy(() -> admin.update(middle, "Renamed Catalog", EnumSet.allOf(CatalogLock.class),
                List.of(lhs, 987654L))).isInstanceOf(SetupEditException.class);
        assertThat(summary(middle).name()).isEqualTo("Middle School Catalog");
        assertThat(summary(middle).locks()).isEmpty();
        assertThat(summary(high).schools()).extracting(SchoolRef::code).containsExactly("LHS");
        assertThat(summary(middle).schools()).isEmpty();
        assertThatThrownBy(() -> admin.rename(-1, "Nowhere")).hasMessageContaining("No such course catalog");
    }

    @Test
    void assigning_schools_sets_exactly_the_listed_ones_moving_them_from_another_catalog() {
        long middle = admin.create("Middle School Catalog", Set.of(), List.of(lms));

        admin.assignSchools(middle, List.of(lhs, other));

        assertThat(summary(middle).schools()).extracting(SchoolRef::code).containsExactly("LHS", "OHS");
        assertThat(summary(high).schools()).isEmpty();
        assertThat(d.query("select catalog_id is null from school where id = ?", Boolean.class, lms)).isTrue();

        admin.assignSchools(middle, List.of());
        assertThat(summary(middle).schools()).isEmpty();
        assertThatThrownBy(() -> admin.assignSchools(middle, List.of(lhs, 987654L)))
                .isInstanceOf(SetupEditException.class).hasMessageContaining("No such school: 987654");
        assertThat(summary(middle).schools()).isEmpty();
    }

    @Test
    void setting_locks_replaces_them_and_takes_effect_for_link_states_at_once() {
        admin.setLocks(high, EnumSet.of(CatalogLock.DESCRIPTION, CatalogLock.COMPOSITES, CatalogLock.ASSESSMENTS));

        assertThat(summary(high).lockedCourseInfoFields()).containsExactly(CatalogLock.DESCRIPTION);
        assertThat(summary(high).lockedGradingTypes()).containsExactly(CatalogLock.ASSESSMENTS,
                CatalogLock.COMPOSITES);
        assertThat(d.query("select string_agg(lock_name, ',' order by lock_name) from catalog_lock"
                + " where catalog_id = ?", String.class, high)).isEqualTo("ASSESSMENTS,COMPOSITES,description");

        admin.setLocks(high, Set.of());
        assertThat(summary(high).locks()).isEmpty();
    }

    @Test
    void a_viewer_or_push_admin_cannot_manage_catalogs_or_create_masters() {
        for (String user : List.of("alpha.viewer", "alpha.push")) {
            TestUsers.signIn(context, user);
            assertThatThrownBy(() -> admin.create("New", Set.of(), List.of()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.rename(high, "New")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.update(high, "New", Set.of(), List.of()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.assignSchools(high, List.of(lms)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> admin.setLocks(high, Set.of())).isInstanceOf(AccessDeniedException.class);
        }
        TestUsers.signIn(context, "alpha.admin");
        assertThat(summary(high).name()).isEqualTo("High School Catalog");
        assertThat(summary(high).locks()).containsExactlyInAnyOrder(CatalogLock.NAME, CatalogLock.CATEGORIES);
    }
}
