package app.cascade.push.engine;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the planner needs to know beyond the course and its master.
 *
 * @param dependents       gradebook data per course or section item id (absent = none), counted as push-rules §1 says.
 *                         Read only through {@link #dependentsOf}; a map that is an {@link Facts.Lookup} is kept as
 *                         it is (not copied), so a loader can see which items the planner asks about and read only
 *                         their counts
 * @param masterItemOwners for every master item a course item links to and that still exists: its master's id.
 *                         A link that is absent here points to a master item that no longer exists.
 */
public record Facts(Map<UUID, Dependents> dependents, Map<UUID, Long> masterItemOwners) {

    public Facts {
        dependents = dependents instanceof Lookup ? dependents : Map.copyOf(dependents);
        masterItemOwners = Map.copyOf(masterItemOwners);
    }

    /** A read-only map of dependents that the caller keeps ownership of (see {@code dependents}). */
    public interface Lookup extends Map<UUID, Dependents> {
    }

    public static Facts none() {
        return new Facts(Map.of(), Map.of());
    }

    public Dependents dependentsOf(UUID itemId) {
        return dependents.getOrDefault(itemId, Dependents.NONE);
    }

    public Optional<Long> ownerOf(UUID masterItemId) {
        return Optional.ofNullable(masterItemOwners.get(masterItemId));
    }
}
