package app.cascade.reports.ui;

import app.cascade.catalog.CatalogService;
import app.cascade.catalog.CourseService;
import app.cascade.grading.LockType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** What the report filters choose from: the district's years, catalogs and schools (read through the services). */
@Component
class ReportSources {

    private final CatalogService catalogs;
    private final CourseService courses;

    ReportSources(CatalogService catalogs, CourseService courses) {
        this.catalogs = catalogs;
        this.courses = courses;
    }

    /** Filters for {@code idPrefix}; with Course Info among the data types when {@code courseInfo}. */
    ReportFilters filters(String idPrefix, boolean courseInfo) {
        List<LockType> types = new ArrayList<>();
        if (courseInfo) {
            types.add(LockType.COURSE_INFO);
        }
        for (LockType type : LockType.values()) {
            if (type != LockType.COURSE_INFO) {
                types.add(type);
            }
        }
        return new ReportFilters(idPrefix, courses.schoolYears(), catalogs.catalogs(), courses.schools(), types);
    }
}
