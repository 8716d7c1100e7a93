package app.cascade.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "school")
public class School {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    /** Informational only: a push follows the master's catalog, not the school's. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "catalog_id")
    private CourseCatalog catalog;

    protected School() {
    }

    public School(String code, String name, CourseCatalog catalog) {
        this.code = code;
        this.name = name;
        this.catalog = catalog;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CourseCatalog getCatalog() {
        return catalog;
    }

    public void setCatalog(CourseCatalog catalog) {
        this.catalog = catalog;
    }
}
