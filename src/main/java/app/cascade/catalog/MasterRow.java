package app.cascade.catalog;

import java.math.BigDecimal;

/** One course master in a catalog's list. */
public record MasterRow(long id, String number, String name, String department, String stateCode,
                        BigDecimal credits) {
}
