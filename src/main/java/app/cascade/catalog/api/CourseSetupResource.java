package app.cascade.catalog.api;

import app.cascade.catalog.CourseDetails;
import app.cascade.catalog.CourseLinkState;
import app.cascade.catalog.ItemLinkState;
import app.cascade.catalog.SectionSetup;
import app.cascade.catalog.SetupItem;
import app.cascade.grading.Origin;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A course with its Course Info, course-level setup and sections, as the Courses tool shows it. */
@Schema(name = "CourseSetup")
record CourseSetupResource(long id, String number, String schoolName, String schoolYear, CourseInfoResource info,
                           @Schema(description = "The master link, or null") Master master,
                           boolean ignoreMasterPush,
                           @Schema(description = "LINKED, DESYNCED, IGNORE or UNLINKED, as in the course list")
                           CourseLinkState linkState,
                           @Schema(description = "The locks of the master's catalog (empty without a master), named "
                                   + "as `GET /api/v1/catalogs` names them") List<String> catalogLocks,
                           @Schema(description = "The Course Info fields that are locked on this course (none "
                                   + "without a master or under Ignore Master Push), named like the fields of "
                                   + "`info`") List<String> lockedInfoFields,
                           @Schema(description = "The course-level items, by data type") List<Item> items,
                           List<Section> sections) {

    /** The course's master, as users know it: catalog and number. */
    @Schema(name = "CourseMasterLink")
    record Master(long id, String catalogName, String number) {
    }

    /** A course or section item with how it stands towards the master. */
    @Schema(name = "SetupItem")
    record Item(GradingItemResource values,
                @Schema(description = "Where the item came from: MASTER, COURSE or TEACHER") Origin origin,
                @Schema(description = "LOCKED (linked, its type locked by the catalog: read-only, a padlock in "
                        + "the tool), LINKED_UNLOCKED or UNLINKED (push-rules §1)") ItemLinkState linkState,
                @Schema(description = "Whether the item is locked (linkState LOCKED)") boolean locked,
                @Schema(description = "Residual: kept only because grades or assignments depend on it; the tool "
                        + "shows it as \"course managed\"") boolean courseManaged,
                @Schema(description = "A section calc option of a residual task: forced to NO_CALCULATION and "
                        + "read-only (push-rules §4)") boolean forcedNoCalc) {

        static Item of(SetupItem i) {
            return new Item(GradingItemResource.of(i.values()), i.origin(), i.linkState(),
                    i.linkState() == ItemLinkState.LOCKED, i.residual(), i.forcedNoCalc());
        }
    }

    /** A section and its section-level items (categories, calc options, composites). */
    @Schema(name = "SectionSetup")
    record Section(long id, String number, String teacher, List<Item> items) {

        static Section of(SectionSetup s) {
            return new Section(s.id(), s.number(), s.teacher(), s.items().stream().map(Item::of).toList());
        }
    }

    static CourseSetupResource of(CourseDetails c) {
        return new CourseSetupResource(c.id(), c.number(), c.schoolName(), c.yearCode(),
                CourseInfoResource.of(c.info()),
                c.master() == null ? null : new Master(c.master().masterId(), c.master().catalogName(),
                        c.master().number()),
                c.ignoreMasterPush(), c.linkState(), MasterSetupResource.lockNames(c.catalogLocks()),
                MasterSetupResource.lockNames(c.lockedInfoFields()), c.items().stream().map(Item::of).toList(),
                c.sections().stream().map(Section::of).toList());
    }
}
