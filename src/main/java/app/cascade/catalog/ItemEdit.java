package app.cascade.catalog;

import java.math.BigDecimal;

/**
 * New values for a course or section item (the same columns as a master item; see V1__district_model.sql for which
 * type uses which).
 */
public record ItemEdit(String code, String name, String taskCode, String termCode, BigDecimal weight, Integer seq,
                       String calcMethod, Integer rounding, String parts) {

    /** Refuses values a type cannot have, with a message naming the field. */
    public void validateFor(DataType type) {
        switch (type) {
            case TASK, STANDARD, ASSESSMENT -> require(code, type.singular() + " code");
            case CATEGORY -> require(name, "Category name");
            case CALC_OPTION -> {
                require(taskCode, "Task or standard code");
                require(termCode, "Term");
                require(calcMethod, "Calculation method");
            }
            case COMPOSITE -> {
                require(taskCode, "Parent task code");
                require(termCode, "Term");
            }
        }
        if (weight != null && weight.signum() < 0) {
            throw new SetupEditException("A weight cannot be negative");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new SetupEditException(what + " is required");
        }
    }

    /** The name to store: the given one, or one derived from the key (calc options and composites). */
    public String nameFor(DataType type) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        return switch (type) {
            case CALC_OPTION, COMPOSITE -> taskCode + " " + termCode;
            default -> code;
        };
    }

    /** The match key the database will derive (push-rules §1). */
    public String keyFor(DataType type) {
        return switch (type) {
            case CATEGORY -> name.strip().toLowerCase(java.util.Locale.ROOT);
            case CALC_OPTION, COMPOSITE -> taskCode + "|" + termCode;
            default -> code;
        };
    }

    public static ItemEdit task(String code, String name) {
        return new ItemEdit(code, name, null, null, null, 0, null, null, null);
    }

    public static ItemEdit category(String name, BigDecimal weight) {
        return new ItemEdit(null, name, null, null, weight, 0, null, null, null);
    }

    public static ItemEdit assessment(String code, String name) {
        return new ItemEdit(code, name, null, null, null, 0, null, null, null);
    }

    public static ItemEdit calcOption(String taskCode, String termCode, String calcMethod) {
        return new ItemEdit(null, taskCode + " " + termCode, taskCode, termCode, null, 0, calcMethod, 2, null);
    }
}
