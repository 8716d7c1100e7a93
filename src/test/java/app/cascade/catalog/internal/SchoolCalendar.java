package app.cascade.catalog.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** One school's calendar for one school year (table {@code calendar}); it holds the courses and the terms. */
@Entity
@Table(name = "calendar")
public class SchoolCalendar {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id", nullable = false)
    private School school;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_year_id", nullable = false)
    private SchoolYear schoolYear;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "term", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderBy("seq")
    private List<Term> terms = new ArrayList<>();

    protected SchoolCalendar() {
    }

    public SchoolCalendar(School school, SchoolYear schoolYear, String name) {
        this.school = school;
        this.schoolYear = schoolYear;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public SchoolYear getSchoolYear() {
        return schoolYear;
    }

    public String getName() {
        return name;
    }

    public List<Term> getTerms() {
        return terms;
    }

    public boolean hasTerm(String code) {
        return terms.stream().anyMatch(t -> t.getCode().equals(code));
    }
}
