package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolCalendarRepository extends JpaRepository<SchoolCalendar, Long> {
}
