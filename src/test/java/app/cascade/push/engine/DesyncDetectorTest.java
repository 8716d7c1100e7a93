package app.cascade.push.engine;

import app.cascade.grading.LockType;
import app.cascade.grading.Origin;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static app.cascade.grading.ItemType.CATEGORY;
import static app.cascade.grading.ItemType.TASK;
import static app.cascade.push.engine.Items.category;
import static app.cascade.push.engine.Items.course;
import static app.cascade.push.engine.Items.id;
import static app.cascade.push.engine.Items.info;
import static app.cascade.push.engine.Items.master;
import static app.cascade.push.engine.Items.task;
import static org.assertj.core.api.Assertions.assertThat;

class DesyncDetectorTest {

    private final MasterInput master = new MasterInput(1, "ENG101", info("English", "X"), List.of(
            master("m.S1", TASK, task("S1", "Semester 1")),
            master("m.Tests", CATEGORY, category("Tests", 50))));
    private final Facts facts = new Facts(Map.of(), Map.of(id("m.S1"), 1L, id("m.Tests"), 1L, id("other.S1"), 2L));

    private List<Desync> detect(List<Item> items, LockType... checked) {
        return DesyncDetector.detect(master, items, facts,
                checked.length == 0 ? LockType.grading() : EnumSet.of(checked[0], checked));
    }

    @Test
    void a_link_to_another_masters_item_is_condition_1() {
        assertThat(detect(List.of(course("c.S1", TASK, task("S1", "S1"), "other.S1", Origin.MASTER))))
                .singleElement().satisfies(d -> {
                    assertThat(d.condition()).isEqualTo(1);
                    assertThat(d.type()).isEqualTo(TASK);
                });
    }

    @Test
    void two_items_linked_to_one_master_item_are_condition_2() {
        assertThat(detect(List.of(
                course("c.S1a", TASK, task("S1", "S1"), "m.S1", Origin.MASTER),
                course("c.S1b", TASK, task("S1", "S1 again"), "m.S1", Origin.MASTER))))
                .singleElement().extracting(Desync::condition).isEqualTo(2);
    }

    @Test
    void an_unlinked_item_with_a_master_key_is_condition_3() {
        assertThat(detect(List.of(course("c.S1", TASK, task("S1", "S1"), null, Origin.MASTER))))
                .singleElement().extracting(Desync::condition).isEqualTo(3);
        assertThat(detect(List.of(course("c.Tests", CATEGORY, category("TESTS", 1), null, Origin.MASTER))))
                .singleElement().extracting(Desync::condition).isEqualTo(3);
    }

    @Test
    void a_course_created_category_residual_items_and_dangling_links_are_not_desyncs() {
        assertThat(detect(List.of(
                course("c.Tests", CATEGORY, category("Tests", 1), null, Origin.COURSE),
                Items.residual("c.S1", TASK, task("S1", "S1"), Origin.MASTER),
                course("c.S9", TASK, task("S9", "S9"), "removed.S9", Origin.MASTER)))).isEmpty();
    }

    @Test
    void only_the_checked_types_count() {
        List<Item> items = List.of(course("c.S1", TASK, task("S1", "S1"), "other.S1", Origin.MASTER));
        assertThat(detect(items, LockType.CATEGORIES)).isEmpty();
        assertThat(detect(items, LockType.TASKS_STANDARDS)).hasSize(1);
    }
}
