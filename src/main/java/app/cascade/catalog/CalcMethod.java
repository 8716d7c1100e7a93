package app.cascade.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a grade calc option calculates its task's grade: the methods Cascade knows (stored by name in
 * {@code calc_method}, as the district documents carry them; docs/exchange-format.md). A calc option with any other
 * method is refused by every editor and by the import (decision 0004).
 */
public enum CalcMethod {
    POINTS("Points"),
    CATEGORY_WEIGHTED("Category Weighted"),
    COMPOSITE("Composite"),
    /** Also what a section calc option is forced to while its task is residual (push-rules §4). */
    NO_CALCULATION("No Calculation");

    private final String label;

    CalcMethod(String label) {
        this.label = label;
    }

    /** The name a person reads, e.g. "Category Weighted". */
    public String label() {
        return label;
    }

    /** The method stored as {@code name}, if Cascade knows it (exactly: the stored names are upper case). */
    public static Optional<CalcMethod> of(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }

    /** The label of a stored method, or the stored text itself for one Cascade does not know (older data). */
    public static String labelOf(String name) {
        return of(name).map(CalcMethod::label).orElse(name);
    }

    /** "Points, Category Weighted, Composite or No Calculation". */
    static String choices() {
        String all = Arrays.stream(values()).map(CalcMethod::label).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
