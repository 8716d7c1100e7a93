package app.cascade.catalog;

import java.util.Locale;

/** Text filters of the list services: "contains, case-insensitive", passed to SQL LIKE with {@code escape '!'}. */
final class Filters {

    private Filters() {
    }

    /** A LIKE pattern for "contains {@code filter}", lower-cased, or "" for a blank filter (meaning: everything). */
    static String containsPattern(String filter) {
        if (filter == null || filter.isBlank()) {
            return "";
        }
        String escaped = filter.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
