package app.cascade.catalog;

import java.math.BigDecimal;

/**
 * New values for a course or section item (the same columns as a master item; see V1__district_model.sql for which
 * type uses which).
 */
public record ItemEdit(String code, String name, String taskCode, String termCode, BigDecimal weight, Integer seq,
                       String calcMethod, Integer rounding, String parts) {

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
