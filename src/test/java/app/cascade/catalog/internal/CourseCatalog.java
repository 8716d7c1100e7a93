package app.cascade.catalog.internal;

import app.cascade.catalog.CatalogLock;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A district-level course catalog and its locks (table {@code catalog_lock}). */
@Entity
@Table(name = "course_catalog")
public class CourseCatalog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "catalog_lock", joinColumns = @JoinColumn(name = "catalog_id"))
    @Column(name = "lock_name", nullable = false)
    @Convert(converter = CatalogLockConverter.class)
    private Set<CatalogLock> locks = new HashSet<>();

    protected CourseCatalog() {
    }

    public CourseCatalog(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** The locks as a copy; change them with {@link #setLocks}. */
    public Set<CatalogLock> getLocks() {
        return locks.isEmpty() ? EnumSet.noneOf(CatalogLock.class) : EnumSet.copyOf(locks);
    }

    public void setLocks(Set<CatalogLock> locks) {
        this.locks.clear();
        this.locks.addAll(locks);
    }
}
