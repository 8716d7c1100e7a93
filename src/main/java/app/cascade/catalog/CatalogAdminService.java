package app.cascade.catalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Managing the district's course catalogs (push-rules §2): creating and renaming them (the name is unique, ignoring
 * case and surrounding blanks), assigning schools to them and setting their locks. Locking takes effect at once for
 * editing, since link states are derived; values only change when a master is pushed.
 */
@Service
@Transactional
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
public class CatalogAdminService {

    private final JdbcTemplate jdbc;

    CatalogAdminService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a catalog with its locks and schools in one go; returns its id. */
    public long create(String name, Set<CatalogLock> locks, Collection<Long> schoolIds) {
        String clean = requireFreeName(name, null);
        long id = jdbc.queryForObject("insert into course_catalog (name) values (?) returning id", Long.class, clean);
        setLocks(id, locks);
        assignSchools(id, schoolIds);
        return id;
    }

    /** Renames, relocks and reassigns a catalog in one transaction: all of it happens, or none. */
    public void update(long catalogId, String name, Set<CatalogLock> locks, Collection<Long> schoolIds) {
        rename(catalogId, name);
        setLocks(catalogId, locks);
        assignSchools(catalogId, schoolIds);
    }

    public void rename(long catalogId, String name) {
        requireCatalog(catalogId);
        String clean = requireFreeName(name, catalogId);
        jdbc.update("update course_catalog set name = ? where id = ?", clean, catalogId);
    }

    /** The catalog locks exactly {@code locks} afterwards: Course Info fields and grading types. */
    public void setLocks(long catalogId, Set<CatalogLock> locks) {
        requireCatalog(catalogId);
        jdbc.update("delete from catalog_lock where catalog_id = ?", catalogId);
        if (locks == null || locks.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into catalog_lock (catalog_id, lock_name) values (?, ?)",
                locks.stream().map(l -> new Object[] {catalogId, l.dbName()}).toList());
    }

    /**
     * Exactly {@code schoolIds} are assigned to the catalog afterwards: schools not listed that were assigned to it
     * are left without a catalog, and listed schools assigned to another catalog move to this one. The assignment is
     * informational: a push follows the master's catalog (push-rules §3).
     */
    public void assignSchools(long catalogId, Collection<Long> schoolIds) {
        requireCatalog(catalogId);
        Set<Long> wanted = new TreeSet<>(schoolIds == null ? List.of() : schoolIds);
        Long[] ids = wanted.toArray(Long[]::new);
        if (!wanted.isEmpty()) {
            List<Long> known = jdbc.queryForList("select id from school where id = any (?)", Long.class,
                    (Object) ids);
            if (known.size() != wanted.size()) {
                wanted.removeAll(known);
                throw new SetupEditException("No such school: " + wanted.iterator().next());
            }
        }
        jdbc.update("update school set catalog_id = null where catalog_id = ? and not (id = any (?))", catalogId,
                ids);
        jdbc.update("update school set catalog_id = ? where id = any (?)", catalogId, ids);
    }

    private void requireCatalog(long catalogId) {
        Integer n = jdbc.queryForObject("select count(*) from course_catalog where id = ?", Integer.class, catalogId);
        if (n == null || n == 0) {
            throw new SetupEditException("No such course catalog: " + catalogId);
        }
    }

    /** The name to store (stripped), refused when blank or used by another catalog. */
    private String requireFreeName(String name, Long itself) {
        if (name == null || name.isBlank()) {
            throw new SetupEditException("A course catalog needs a name");
        }
        String clean = name.strip();
        if (clean.length() > 200) {
            throw new SetupEditException("A catalog name can have at most 200 characters");
        }
        List<String> taken = jdbc.queryForList("select name from course_catalog where lower(btrim(name)) = lower(?)"
                + " and id is distinct from ?::bigint", String.class, clean, itself);
        if (!taken.isEmpty()) {
            throw new SetupEditException("A course catalog named \"" + taken.getFirst() + "\" already exists: "
                    + "catalog names are unique, whatever their case");
        }
        return clean;
    }
}
