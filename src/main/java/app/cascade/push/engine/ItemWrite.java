package app.cascade.push.engine;

/**
 * The state an item must have after the push.
 *
 * @param sectionId null for a course item
 * @param insert    true for a new item, false for an update of an existing one
 */
public record ItemWrite(Long sectionId, Item item, boolean insert) {
}
