package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface SectionItemRepository extends JpaRepository<SectionItem, UUID> {
}
