package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface CourseItemRepository extends JpaRepository<CourseItem, UUID> {
}
