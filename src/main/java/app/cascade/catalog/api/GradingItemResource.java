package app.cascade.catalog.api;

import app.cascade.catalog.CompositeParts;
import app.cascade.catalog.GradingItem;
import app.cascade.catalog.SetupEditException;
import app.cascade.grading.ItemType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The values of one grading-setup item. Which fields a type uses: TASK, STANDARD: code, name, seq; CATEGORY: name,
 * weight, seq; ASSESSMENT: code, name, weight; CALC_OPTION: taskCode, termCode, calcMethod, rounding; COMPOSITE:
 * taskCode, termCode, name, parts. The others are null.
 */
@Schema(name = "GradingItem")
record GradingItemResource(UUID id, ItemType type, String code, String name, String taskCode, String termCode,
                           BigDecimal weight, int seq,
                           @Schema(description = "A calc option's method as stored, e.g. POINTS or "
                                   + "CATEGORY_WEIGHTED") String calcMethod, Integer rounding,
                           @Schema(description = "A composite grade's parts, in their order") List<Part> parts,
                           @Schema(description = "The key that recognises the same item at another level "
                                   + "(push-rules §1): the code, the lower-case category name, or task|term")
                           String matchKey) {

    /** One part of a composite grade: the grade of {@code taskCode} in {@code termCode}, weighted in percent. */
    @Schema(name = "CompositePart")
    record Part(String taskCode, String termCode, BigDecimal weight) {
    }

    static GradingItemResource of(GradingItem i) {
        return new GradingItemResource(i.id(), i.type(), i.code(), i.name(), i.taskCode(), i.termCode(),
                Numbers.plain(i.weight()), i.seq(), i.calcMethod(), i.rounding(), parts(i.parts()), i.matchKey());
    }

    private static List<Part> parts(String json) {
        if (json == null) {
            return null;
        }
        try {
            return CompositeParts.parse(json).parts().stream()
                    .map(p -> new Part(p.taskCode(), p.termCode(), Numbers.plain(p.weight()))).toList();
        } catch (SetupEditException unreadable) {
            return null; // stored parts are validated on every write; an unreadable list is shown as none
        }
    }
}
