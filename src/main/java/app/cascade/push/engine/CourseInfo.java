package app.cascade.push.engine;

import app.cascade.grading.CourseInfoField;

import java.math.BigDecimal;
import java.util.Objects;

/** A course master's attributes, copied to its courses field by field when the field is locked. */
public record CourseInfo(String name, String stateCode, String department, BigDecimal credits, BigDecimal gpaWeight,
                         String description) {

    public CourseInfo {
        credits = credits == null ? null : credits.stripTrailingZeros();
        gpaWeight = gpaWeight == null ? null : gpaWeight.stripTrailingZeros();
    }

    public Object get(CourseInfoField field) {
        return switch (field) {
            case name -> name;
            case stateCode -> stateCode;
            case department -> department;
            case credits -> credits;
            case gpaWeight -> gpaWeight;
            case description -> description;
        };
    }

    public CourseInfo with(CourseInfoField field, Object value) {
        return switch (field) {
            case name -> new CourseInfo((String) value, stateCode, department, credits, gpaWeight, description);
            case stateCode -> new CourseInfo(name, (String) value, department, credits, gpaWeight, description);
            case department -> new CourseInfo(name, stateCode, (String) value, credits, gpaWeight, description);
            case credits -> new CourseInfo(name, stateCode, department, (BigDecimal) value, gpaWeight, description);
            case gpaWeight -> new CourseInfo(name, stateCode, department, credits, (BigDecimal) value, description);
            case description -> new CourseInfo(name, stateCode, department, credits, gpaWeight, (String) value);
        };
    }

    public boolean sameAs(CourseInfo other, CourseInfoField field) {
        Object a = get(field);
        Object b = other.get(field);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
