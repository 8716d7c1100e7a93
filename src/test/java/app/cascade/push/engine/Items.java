package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Terse builders for planner tests. Ids are deterministic per name so failures read well. */
final class Items {

    private static final AtomicLong CLOCK = new AtomicLong();

    private Items() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    static Instant tick() {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(CLOCK.incrementAndGet());
    }

    static ItemValues task(String code, String name) {
        return new ItemValues(code, name, null, null, null, 0, null, null, null);
    }

    static ItemValues category(String name, int weight) {
        return new ItemValues(null, name, null, null, BigDecimal.valueOf(weight), 0, null, null, null);
    }

    static ItemValues assessment(String code, String name) {
        return new ItemValues(code, name, null, null, null, 0, null, null, null);
    }

    static ItemValues calc(String taskCode, String term, String method) {
        return new ItemValues(null, "", taskCode, term, null, 0, method, 2, null);
    }

    static ItemValues composite(String taskCode, String term) {
        return new ItemValues(null, "Composite " + taskCode, taskCode, term, null, 0, null, null,
                "[{\"termCode\":\"Q1\",\"weight\":50},{\"termCode\":\"Q2\",\"weight\":50}]");
    }

    static Item master(String name, ItemType type, ItemValues values) {
        return Item.master(id(name), type, values, tick());
    }

    static Item course(String name, ItemType type, ItemValues values, String linkName, Origin origin) {
        return new Item(id(name), type, values, linkName == null ? null : id(linkName), origin, false, false, tick());
    }

    static Item residual(String name, ItemType type, ItemValues values, Origin origin) {
        return new Item(id(name), type, values, null, origin, true, false, tick());
    }

    static CourseInfo info(String name, String stateCode) {
        return new CourseInfo(name, stateCode, "English", BigDecimal.ONE, BigDecimal.ONE, "desc");
    }
}
