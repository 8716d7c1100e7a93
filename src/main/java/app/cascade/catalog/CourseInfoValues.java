package app.cascade.catalog;

import java.math.BigDecimal;

/** The six Course Info fields of a master or a course. */
public record CourseInfoValues(String name, String stateCode, String department, BigDecimal credits,
                               BigDecimal gpaWeight, String description) {

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
