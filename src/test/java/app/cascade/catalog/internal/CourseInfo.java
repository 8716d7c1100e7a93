package app.cascade.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** The Course Info fields, held by a master and copied onto its courses (push-rules §1, §2). */
@Embeddable
public class CourseInfo {

    @Column(nullable = false)
    private String name;

    @Column(name = "state_code")
    private String stateCode;

    private String department;

    @Column(precision = 5, scale = 2)
    private BigDecimal credits;

    @Column(name = "gpa_weight", precision = 5, scale = 2)
    private BigDecimal gpaWeight;

    private String description;

    protected CourseInfo() {
    }

    public CourseInfo(String name, String stateCode, String department, BigDecimal credits, BigDecimal gpaWeight,
                      String description) {
        this.name = name;
        this.stateCode = stateCode;
        this.department = department;
        this.credits = credits;
        this.gpaWeight = gpaWeight;
        this.description = description;
    }

    public String getName() {
        return name;
    }

    public String getStateCode() {
        return stateCode;
    }

    public String getDepartment() {
        return department;
    }

    public BigDecimal getCredits() {
        return credits;
    }

    public BigDecimal getGpaWeight() {
        return gpaWeight;
    }

    public String getDescription() {
        return description;
    }
}
