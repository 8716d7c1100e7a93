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

/** A course in one calendar: copies of the master's Course Info, an optional master link, Ignore Master Push. */
@Entity
@Table(name = "course")
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "calendar_id", nullable = false)
    private SchoolCalendar calendar;

    @Column(nullable = false)
    private String number;

    @Embedded
    private CourseInfo info;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "master_id")
    private CourseMaster master;

    @Column(name = "ignore_master_push", nullable = false)
    private boolean ignoreMasterPush;

    @Version
    private long version;

    protected Course() {
    }

    public Course(SchoolCalendar calendar, String number, CourseInfo info, CourseMaster master) {
        this.calendar = calendar;
        this.number = number;
        this.info = info;
        this.master = master;
    }

    public Long getId() {
        return id;
    }

    public SchoolCalendar getCalendar() {
        return calendar;
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

    public CourseMaster getMaster() {
        return master;
    }

    public void setMaster(CourseMaster master) {
        this.master = master;
    }

    public boolean isIgnoreMasterPush() {
        return ignoreMasterPush;
    }

    public void setIgnoreMasterPush(boolean ignoreMasterPush) {
        this.ignoreMasterPush = ignoreMasterPush;
    }

    public long getVersion() {
        return version;
    }
}
