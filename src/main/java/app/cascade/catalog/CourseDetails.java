package app.cascade.catalog;

import java.util.List;
import java.util.Set;

/**
 * One course's setup.
 *
 * @param master           the master link, or null
 * @param lockedInfoFields the Course Info fields that are LOCKED on this course (none without master or with Ignore
 *                         Master Push)
 * @param catalogLocks     the locks of the master's catalog (empty without master)
 */
public record CourseDetails(long id, String number, String schoolName, String yearCode, CourseInfoValues info,
                            MasterRef master, boolean ignoreMasterPush, CourseLinkState linkState,
                            Set<CatalogLock> catalogLocks, Set<CatalogLock> lockedInfoFields, List<SetupItem> items,
                            List<SectionSetup> sections) {

    public CourseDetails {
        catalogLocks = Set.copyOf(catalogLocks);
        lockedInfoFields = Set.copyOf(lockedInfoFields);
        items = List.copyOf(items);
        sections = List.copyOf(sections);
    }
}
