package app.cascade.push.engine;

import app.cascade.grading.ItemType;
import app.cascade.grading.MatchKey;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The values of a grading-setup item. Which fields a type uses: tasks and standards {@code code, name, seq};
 * categories {@code name, weight, seq}; assessments {@code code, name, weight}; calc options
 * {@code taskCode, termCode, calcMethod, rounding}; composites {@code taskCode, termCode, name, parts}.
 */
public record ItemValues(String code, String name, String taskCode, String termCode, BigDecimal weight, int seq,
                         String calcMethod, Integer rounding, String parts) {

    public static final String NO_CALCULATION = "NO_CALCULATION";

    public ItemValues {
        Objects.requireNonNull(name, "name");
        weight = weight == null ? null : weight.stripTrailingZeros();
    }

    /** The match key (push-rules §1): exactly what the database's generated {@code match_key} column holds. */
    public String matchKey(ItemType type) {
        return MatchKey.of(type, code, name, taskCode, termCode);
    }

    public ItemValues withName(String newName) {
        return new ItemValues(code, newName, taskCode, termCode, weight, seq, calcMethod, rounding, parts);
    }

    public ItemValues withCalcMethod(String method) {
        return new ItemValues(code, name, taskCode, termCode, weight, seq, method, rounding, parts);
    }

    /** A human label of the item for reports: "S1 Semester 1", "Labs", "Q3 / T1". */
    public String label(ItemType type) {
        return switch (type) {
            case CATEGORY -> name;
            case CALC_OPTION -> taskCode + " / " + termCode;
            case COMPOSITE -> taskCode + " / " + termCode + (name.isBlank() ? "" : " " + name);
            default -> code + (name.isBlank() || name.equals(code) ? "" : " " + name);
        };
    }

}
