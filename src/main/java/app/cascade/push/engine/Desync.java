package app.cascade.push.engine;

import app.cascade.grading.ItemType;

import java.util.UUID;

/**
 * One reason a course is desynced from its master (push-rules §3).
 *
 * @param condition 1 = foreign link, 2 = two items linked to one master item, 3 = detached item with a master key
 */
public record Desync(ItemType type, int condition, UUID itemId, String item, String detail) {

    public String describe() {
        return "condition " + condition + ": " + detail;
    }
}
