package app.cascade.catalog.api;

import app.cascade.catalog.MasterSummary;
import app.cascade.grading.ItemType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** A course master in a catalog's list, as the API shows it. */
@Schema(name = "CourseMaster")
record MasterResource(long id, String number, String name, long catalogId,
                      @Schema(description = "How many items of each grading data type the master holds, by type "
                              + "(all six types, 0 included)", example = "{\"TASK\": 2, \"STANDARD\": 1, "
                              + "\"CATEGORY\": 2, \"ASSESSMENT\": 1, \"CALC_OPTION\": 1, \"COMPOSITE\": 1}")
                      Map<ItemType, Integer> items,
                      @Schema(description = "The items of all six types together") int itemCount,
                      @Schema(description = "When the master's grading setup last changed in Cascade (an item "
                              + "added, modified or removed in the Course Masters tool, or copied into it), as "
                              + "recorded for the Course Master Awaiting Push report; null when no such change is "
                              + "recorded (e.g. a master as imported). Attribute (Course Info) changes are not "
                              + "recorded and never move it.") Instant lastChangedAt) {

    static MasterResource of(MasterSummary m) {
        return new MasterResource(m.id(), m.number(), m.name(), m.catalogId(), m.items(), m.itemCount(),
                m.lastChangedAt());
    }
}
