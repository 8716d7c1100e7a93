package app.cascade.catalog;

/**
 * A course or section item with its derived link state. {@code residual} items are shown as "course managed".
 *
 * @param forcedNoCalc section calc options of a residual task: forced to NO_CALCULATION and read-only (push-rules §4)
 */
public record SetupItem(GradingItem values, Origin origin, ItemLinkState linkState, boolean residual,
                        boolean forcedNoCalc) {

    public DataType type() {
        return values.type();
    }
}
