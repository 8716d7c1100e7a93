package app.cascade.catalog;

import app.cascade.grading.ItemType;

import java.math.BigDecimal;

/**
 * The values of a grading-setup item to insert with {@link DistrictFixture}, one factory per data type. Unused
 * columns stay null, as in V1__district_model.sql.
 */
public record ItemSpec(ItemType type, String code, String name, String taskCode, String termCode, BigDecimal weight,
                       int seq, String calcMethod, Integer rounding, String parts) {

    public static ItemSpec task(String code, String name) {
        return new ItemSpec(ItemType.TASK, code, name, null, null, null, 0, null, null, null);
    }

    public static ItemSpec standard(String code, String name) {
        return new ItemSpec(ItemType.STANDARD, code, name, null, null, null, 0, null, null, null);
    }

    public static ItemSpec category(String name, String weight) {
        return new ItemSpec(ItemType.CATEGORY, null, name, null, null, new BigDecimal(weight), 0, null, null, null);
    }

    public static ItemSpec assessment(String code, String name) {
        return new ItemSpec(ItemType.ASSESSMENT, code, name, null, null, null, 0, null, null, null);
    }

    public static ItemSpec calcOption(String taskCode, String termCode, String calcMethod) {
        return new ItemSpec(ItemType.CALC_OPTION, null, taskCode + " " + termCode, taskCode, termCode, null, 0,
                calcMethod, 2, null);
    }

    public static ItemSpec composite(String taskCode, String termCode, String name, String partsJson) {
        return new ItemSpec(ItemType.COMPOSITE, null, name, taskCode, termCode, null, 0, null, null, partsJson);
    }

    /** The same item with another name (for categories: another match key). */
    public ItemSpec named(String newName) {
        return new ItemSpec(type, code, newName, taskCode, termCode, weight, seq, calcMethod, rounding, parts);
    }

    /** The match key the database will derive (push-rules §1). */
    public String matchKey() {
        return switch (type) {
            case CATEGORY -> name.strip().toLowerCase();
            case CALC_OPTION, COMPOSITE -> taskCode + "|" + termCode;
            default -> code;
        };
    }
}
