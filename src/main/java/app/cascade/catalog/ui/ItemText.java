package app.cascade.catalog.ui;

import app.cascade.catalog.CalcMethod;
import app.cascade.catalog.CompositeParts;
import app.cascade.catalog.GradingItem;

import java.util.ArrayList;
import java.util.List;

/** How an item's values read in a grid, whatever its type. */
final class ItemText {

    private ItemText() {
    }

    /** What identifies the item: its code, its (task, term) or, for a category, its name. */
    static String key(GradingItem item) {
        return switch (item.type()) {
            case TASK, STANDARD, ASSESSMENT -> item.code();
            case CATEGORY -> item.name();
            case CALC_OPTION, COMPOSITE -> item.taskCode() + " · " + item.termCode();
        };
    }

    /**
     * The remaining values, e.g. "weight 40", "Points, rounding 2" or, for a composite grade, its parts as
     * "QTR Q1 40 % + QTR Q2 60 %" ({@link CompositeParts#describe()}).
     */
    static String details(GradingItem item) {
        List<String> parts = new ArrayList<>();
        if (item.weight() != null) {
            parts.add("weight " + item.weight().stripTrailingZeros().toPlainString());
        }
        if (item.calcMethod() != null) {
            parts.add(CalcMethod.labelOf(item.calcMethod()));
        }
        if (item.rounding() != null) {
            parts.add("rounding " + item.rounding());
        }
        if (item.parts() != null) {
            parts.add(CompositeParts.describe(item.parts()));
        }
        return String.join(", ", parts);
    }
}
