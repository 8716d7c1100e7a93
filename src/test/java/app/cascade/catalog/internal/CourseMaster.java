package app.cascade.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "course_master")
public class CourseMaster {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The catalog the master is currently in; its courses follow it when it moves (push-rules §3). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_id", nullable = false)
    private CourseCatalog catalog;

    @Column(nullable = false)
    private String number;

    @Embedded
    private CourseInfo info;

    @Version
    private long version;

    protected CourseMaster() {
    }

    public CourseMaster(CourseCatalog catalog, String number, CourseInfo info) {
        this.catalog = catalog;
        this.number = number;
        this.info = info;
    }

    public Long getId() {
        return id;
    }

    public CourseCatalog getCatalog() {
        return catalog;
    }

    public void setCatalog(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    public String getNumber() {
        return number;
    }

    public CourseInfo getInfo() {
        return info;
    }

    public void setInfo(CourseInfo info) {
        this.info = info;
    }

    public long getVersion() {
        return version;
    }
}
