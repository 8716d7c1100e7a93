package app.cascade.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** One term of a calendar (table {@code term}, keyed by calendar and code). */
@Embeddable
public class Term {

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private int seq;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    protected Term() {
    }

    public Term(String code, int seq, LocalDate startDate, LocalDate endDate) {
        this.code = code;
        this.seq = seq;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    public String getCode() {
        return code;
    }

    public int getSeq() {
        return seq;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }
}
