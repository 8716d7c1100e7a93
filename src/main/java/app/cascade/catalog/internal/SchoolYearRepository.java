package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface SchoolYearRepository extends JpaRepository<SchoolYear, Long> {

    List<SchoolYear> findAllByOrderByStartDateDesc();
}
