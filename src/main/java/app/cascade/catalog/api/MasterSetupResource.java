package app.cascade.catalog.api;

import app.cascade.catalog.CatalogLock;
import app.cascade.catalog.MasterDetails;
import app.cascade.grading.ItemType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A course master with its Course Info and its grading setup, as the Course Masters tool shows it. */
@Schema(name = "CourseMasterSetup")
record MasterSetupResource(long id, String number, long catalogId, String catalogName, CourseInfoResource info,
                           @Schema(description = "The locks of the master's catalog, named as `GET /api/v1/catalogs`"
                                   + " names them: Course Info fields (name, stateCode, …) and grading types "
                                   + "(TASKS_STANDARDS, …)") List<String> catalogLocks,
                           @Schema(description = "The grading setup by data type, all six types present (an empty "
                                   + "list when the master has none), each in the tool's order")
                           Map<ItemType, List<GradingItemResource>> items) {

    static MasterSetupResource of(MasterDetails m) {
        Map<ItemType, List<GradingItemResource>> items = new LinkedHashMap<>();
        Arrays.stream(ItemType.values()).forEach(type -> items.put(type,
                m.items(type).stream().map(GradingItemResource::of).toList()));
        return new MasterSetupResource(m.id(), m.number(), m.catalogId(), m.catalogName(),
                CourseInfoResource.of(m.info()), lockNames(m.catalogLocks()), items);
    }

    /** Lock names as the catalogs list shows them, in the order of {@link CatalogLock}. */
    static List<String> lockNames(Collection<CatalogLock> locks) {
        return locks.stream().sorted().map(CatalogLock::dbName).toList();
    }
}
