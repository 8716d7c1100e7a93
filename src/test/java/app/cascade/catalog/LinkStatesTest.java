package app.cascade.catalog;

import app.cascade.grading.ItemType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinkStatesTest {

    static final Set<CatalogLock> LOCKS = EnumSet.of(CatalogLock.NAME, CatalogLock.TASKS_STANDARDS,
            CatalogLock.ASSESSMENTS);

    @Test
    void a_linked_item_of_a_locked_type_is_locked() {
        assertThat(LinkStates.courseItem(true, ItemType.TASK, LOCKS, false)).isEqualTo(ItemLinkState.LOCKED);
        assertThat(LinkStates.courseItem(true, ItemType.STANDARD, LOCKS, false)).isEqualTo(ItemLinkState.LOCKED);
    }

    @Test
    void assessments_unlocked_types_and_ignore_master_push_courses_are_linked_unlocked() {
        assertThat(LinkStates.courseItem(true, ItemType.ASSESSMENT, LOCKS, false))
                .isEqualTo(ItemLinkState.LINKED_UNLOCKED);
        assertThat(LinkStates.courseItem(true, ItemType.CATEGORY, LOCKS, false))
                .isEqualTo(ItemLinkState.LINKED_UNLOCKED);
        assertThat(LinkStates.courseItem(true, ItemType.TASK, LOCKS, true)).isEqualTo(ItemLinkState.LINKED_UNLOCKED);
    }

    @Test
    void an_item_without_link_is_unlinked() {
        assertThat(LinkStates.courseItem(false, ItemType.TASK, LOCKS, false)).isEqualTo(ItemLinkState.UNLINKED);
        assertThat(LinkStates.sectionItem(false, ItemLinkState.LOCKED)).isEqualTo(ItemLinkState.UNLINKED);
    }

    @Test
    void a_section_item_is_locked_only_through_a_locked_course_item() {
        assertThat(LinkStates.sectionItem(true, ItemLinkState.LOCKED)).isEqualTo(ItemLinkState.LOCKED);
        assertThat(LinkStates.sectionItem(true, ItemLinkState.LINKED_UNLOCKED))
                .isEqualTo(ItemLinkState.LINKED_UNLOCKED);
        assertThat(LinkStates.sectionItem(true, null)).as("link to a deleted course item")
                .isEqualTo(ItemLinkState.LINKED_UNLOCKED);
    }

    @Test
    void course_info_fields_lock_only_on_linked_courses_without_ignore_master_push() {
        assertThat(LinkStates.courseInfoLocked(CatalogLock.NAME, true, LOCKS, false)).isTrue();
        assertThat(LinkStates.courseInfoLocked(CatalogLock.CREDITS, true, LOCKS, false)).isFalse();
        assertThat(LinkStates.courseInfoLocked(CatalogLock.NAME, false, LOCKS, false)).isFalse();
        assertThat(LinkStates.courseInfoLocked(CatalogLock.NAME, true, LOCKS, true)).isFalse();
    }
}
