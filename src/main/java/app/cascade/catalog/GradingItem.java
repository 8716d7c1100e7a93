package app.cascade.catalog;

import app.cascade.grading.ItemType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The values of one grading-setup item, whatever level it lives on. Which fields are used depends on the type (see
 * V1__district_model.sql); the others are null.
 *
 * @param matchKey the key that recognises "the same" item at another level (push-rules §1 "Match keys")
 * @param parts    composite grades only: the JSON list of parts
 */
public record GradingItem(UUID id, ItemType type, String code, String name, String taskCode, String termCode,
                          BigDecimal weight, int seq, String calcMethod, Integer rounding, String parts,
                          String matchKey) {
}
