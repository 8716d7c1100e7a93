package app.cascade.catalog;

import app.cascade.grading.ItemType;
import app.cascade.grading.MatchKey;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * New values for a course or section item (the same columns as a master item; see V1__district_model.sql for which
 * type uses which).
 */
public record ItemEdit(String code, String name, String taskCode, String termCode, BigDecimal weight, Integer seq,
                       String calcMethod, Integer rounding, String parts) {

    /** Refuses values a type cannot have, with a message naming the field ({@link SetupEditException#field()}). */
    public void validateFor(ItemType type) {
        switch (type) {
            case TASK, STANDARD, ASSESSMENT -> require(code, "code", type.singular() + " code");
            case CATEGORY -> require(name, "name", "Category name");
            case CALC_OPTION -> {
                require(taskCode, "taskCode", "Task or standard code");
                require(termCode, "termCode", "Term");
                require(calcMethod, "calcMethod", "Calculation method");
                if (CalcMethod.of(calcMethod).isEmpty()) {
                    throw new SetupEditException("Calculation method must be " + CalcMethod.choices() + ", was \""
                            + calcMethod + "\"", "calcMethod");
                }
            }
            case COMPOSITE -> {
                require(taskCode, "taskCode", "Parent task code");
                require(termCode, "termCode", "Term");
            }
        }
        if (weight != null && weight.signum() < 0) {
            throw new SetupEditException("A weight cannot be negative", "weight");
        }
    }

    /**
     * The rules of one item by itself (decision 0004), as every editor checks them: {@link #validateFor} and, for a
     * composite grade, the parts rule of {@link CompositeParts#validateFor}.
     */
    public void validateSetupFor(ItemType type) {
        validateFor(type);
        if (type == ItemType.COMPOSITE) {
            CompositeParts.parse(parts).validateFor(taskCode, termCode);
        }
    }

    /**
     * The task and standard codes this item refers to (decision 0004, "references must exist"): a calc option's task,
     * a composite's parent task and the tasks of its parts; none for the other types.
     */
    public Set<String> referencedTaskCodes(ItemType type) {
        Set<String> codes = new TreeSet<>();
        if ((type == ItemType.CALC_OPTION || type == ItemType.COMPOSITE) && taskCode != null) {
            codes.add(taskCode);
        }
        if (type == ItemType.COMPOSITE) {
            codes.addAll(CompositeParts.parse(parts).taskCodes());
        }
        return codes;
    }

    /**
     * Refuses an item that refers to a task or standard its course master does not have.
     *
     * @param known the codes of the master's grading tasks and standards
     */
    public void requireKnownTasks(ItemType type, Set<String> known) {
        Set<String> missing = referencedTaskCodes(type);
        missing.removeAll(known);
        if (!missing.isEmpty()) {
            throw new SetupEditException("This course master has no grading task or standard "
                    + String.join(", ", missing) + ": add it first", missing.contains(taskCode) ? "taskCode" : "parts");
        }
    }

    private static void require(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new SetupEditException(what + " is required", field);
        }
    }

    /** The name to store: the given one, or one derived from the key (calc options and composites). */
    public String nameFor(ItemType type) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        return switch (type) {
            case CALC_OPTION, COMPOSITE -> taskCode + " " + termCode;
            default -> code;
        };
    }

    /** The match key the database will derive from the values this edit stores (push-rules §1). */
    public String keyFor(ItemType type) {
        return MatchKey.of(type, code, nameFor(type), taskCode, termCode);
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
