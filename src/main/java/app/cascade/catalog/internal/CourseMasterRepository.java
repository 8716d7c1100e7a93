package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface CourseMasterRepository extends JpaRepository<CourseMaster, Long> {

    @Query("select m from CourseMaster m join fetch m.catalog c left join fetch c.locks where m.id = :id")
    Optional<CourseMaster> findWithCatalog(long id);
}
