package app.cascade.catalog.internal;

import app.cascade.grading.ItemType;
import app.cascade.grading.Origin;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A course's grading-setup item. The link ({@code master_item_id}) is a plain id without foreign key: it may outlive
 * the master item ("removed from the master", push-rules §3).
 */
@Entity
@Table(name = "course_item")
public class CourseItem extends PlacedItem {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id", nullable = false)
    private Course course;

    @Column(name = "master_item_id")
    private UUID masterItemId;

    protected CourseItem() {
    }

    public CourseItem(UUID id, Course course, ItemType type, String name, Origin origin) {
        super(id, type, name, origin);
        this.course = course;
    }

    public Course getCourse() {
        return course;
    }

    public UUID getMasterItemId() {
        return masterItemId;
    }

    public void setMasterItemId(UUID masterItemId) {
        this.masterItemId = masterItemId;
    }
}
