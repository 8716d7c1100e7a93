package app.cascade.catalog;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;

/**
 * A course or section item with its derived link state. {@code residual} items are shown as "course managed".
 *
 * @param forcedNoCalc section calc options of a residual task: forced to NO_CALCULATION and read-only (push-rules §4)
 */
public record SetupItem(GradingItem values, Origin origin, ItemLinkState linkState, boolean residual,
                        boolean forcedNoCalc) {

    public ItemType type() {
        return values.type();
    }
}
