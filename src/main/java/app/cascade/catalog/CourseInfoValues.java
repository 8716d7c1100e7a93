package app.cascade.catalog;

import java.math.BigDecimal;

/** The six Course Info fields of a master or a course. */
public record CourseInfoValues(String name, String stateCode, String department, BigDecimal credits,
                               BigDecimal gpaWeight, String description) {

    private static final BigDecimal LIMIT = new BigDecimal("1000");

    /**
     * The rule of a course master's Course Info: a name that is not blank, credits and GPA weight that are not negative
     * and below 1000. A refusal names the field ({@code name}, {@code credits}, {@code gpaWeight}).
     */
    public void validateForMaster() {
        if (name == null || name.isBlank()) {
            throw new SetupEditException("The course master's name must not be empty", "name");
        }
        requireNumberInRange("Credits", "credits", credits);
        requireNumberInRange("GPA weight", "gpaWeight", gpaWeight);
    }

    private static void requireNumberInRange(String label, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            throw new SetupEditException(label + " cannot be negative", field);
        }
        if (value != null && value.compareTo(LIMIT) >= 0) {
            throw new SetupEditException(label + " must be below 1000", field);
        }
    }

    /** The value of one Course Info field as text ("" when empty). */
    public String text(CatalogLock field) {
        Object value = switch (field) {
            case NAME -> name;
            case STATE_CODE -> stateCode;
            case DEPARTMENT -> department;
            case CREDITS -> credits == null ? null : credits.toPlainString();
            case GPA_WEIGHT -> gpaWeight == null ? null : gpaWeight.toPlainString();
            case DESCRIPTION -> description;
            default -> throw new IllegalArgumentException(field + " is not a Course Info field");
        };
        return value == null ? "" : value.toString();
    }
}
