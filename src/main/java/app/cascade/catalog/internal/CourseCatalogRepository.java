package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface CourseCatalogRepository extends JpaRepository<CourseCatalog, Long> {

    @Query("select distinct c from CourseCatalog c left join fetch c.locks")
    List<CourseCatalog> findAllWithLocks();

    /** Rows of (catalog id, number of masters in it). */
    @Query("select m.catalog.id, count(m) from CourseMaster m group by m.catalog.id")
    List<Object[]> countMastersByCatalog();

    /** Ids of the catalogs holding a master that is linked to a course whose calendar is in the given year. */
    @Query("""
            select distinct m.catalog.id from Course c join c.master m
            where c.calendar.schoolYear.id = :yearId
            """)
    List<Long> findIdsWithLinkedCourseInYear(long yearId);
}
