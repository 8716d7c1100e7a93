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
 * A section's grading-setup item (categories, calc options, composites only). The link ({@code course_item_id}) is a
 * plain id without foreign key, like a course item's.
 */
@Entity
@Table(name = "section_item")
public class SectionItem extends PlacedItem {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id", nullable = false)
    private Section section;

    @Column(name = "course_item_id")
    private UUID courseItemId;

    protected SectionItem() {
    }

    public SectionItem(UUID id, Section section, ItemType type, String name, Origin origin) {
        super(id, type, name, origin);
        this.section = section;
    }

    public Section getSection() {
        return section;
    }

    public UUID getCourseItemId() {
        return courseItemId;
    }

    public void setCourseItemId(UUID courseItemId) {
        this.courseItemId = courseItemId;
    }
}
