package app.cascade.catalog.internal;

import app.cascade.grading.ItemType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "master_item")
public class MasterItem extends ItemValues {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "master_id", nullable = false)
    private CourseMaster master;

    protected MasterItem() {
    }

    public MasterItem(UUID id, CourseMaster master, ItemType type, String name) {
        super(id, type, name);
        this.master = master;
    }

    public CourseMaster getMaster() {
        return master;
    }
}
