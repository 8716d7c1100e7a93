package app.cascade.catalog.api;

import java.math.BigDecimal;

/** Decimal values as people write them: 40 rather than 40.000, 0.5 rather than 0.50. */
final class Numbers {

    private Numbers() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
