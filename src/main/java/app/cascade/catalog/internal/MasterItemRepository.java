package app.cascade.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

public interface MasterItemRepository extends JpaRepository<MasterItem, UUID> {

    @Query("select i from MasterItem i where i.master.id = :masterId order by i.type, i.seq, i.matchKey")
    List<MasterItem> findByMaster(long masterId);
}
