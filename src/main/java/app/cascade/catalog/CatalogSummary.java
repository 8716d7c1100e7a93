package app.cascade.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A course catalog with its locks and the schools it is assigned to.
 *
 * @param masterCount how many course masters are currently in the catalog
 */
public record CatalogSummary(long id, String name, Set<CatalogLock> locks, List<SchoolRef> schools, long masterCount) {

    public CatalogSummary {
        locks = Set.copyOf(locks);
        schools = List.copyOf(schools);
    }

    /** The locked Course Info fields, in the order of {@link CatalogLock}. */
    public List<CatalogLock> lockedCourseInfoFields() {
        return locks.stream().filter(CatalogLock::courseInfoField).sorted().toList();
    }

    /** The locked grading types, in the order of {@link CatalogLock}. */
    public List<CatalogLock> lockedGradingTypes() {
        return locks.stream().filter(l -> !l.courseInfoField()).sorted().toList();
    }

    public String schoolNames() {
        return schools.stream().map(SchoolRef::name).collect(Collectors.joining(", "));
    }
}
