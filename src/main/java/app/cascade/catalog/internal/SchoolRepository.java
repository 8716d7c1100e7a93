package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface SchoolRepository extends JpaRepository<School, Long> {

    @Query("select s from School s left join fetch s.catalog order by s.name")
    List<School> findAllWithCatalog();
}
