package app.cascade.reports.ui;

/**
 * Where report rows link to. The catalog views take these query parameters: Course Masters {@code catalog} and
 * {@code master}; Courses {@code year}, {@code school} and {@code course} (ids).
 */
final class CourseLinks {

    private CourseLinks() {
    }

    static String course(long yearId, long schoolId, long courseId) {
        return "courses?year=" + yearId + "&school=" + schoolId + "&course=" + courseId;
    }

    static String master(long catalogId, long masterId) {
        return "masters?catalog=" + catalogId + "&master=" + masterId;
    }
}
