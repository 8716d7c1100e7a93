package app.cascade.catalog;

/**
 * The SQL of {@link CourseService}. Runs on the tenant connection of the surrounding transaction, so table names are
 * unqualified: the district schema is the search path.
 */
final class CourseQueries {

    private CourseQueries() {
    }

    /** Whether grading type {@code item_type} of item {@code <alias>} is locked in the catalog of master {@code m}. */
    private static String typeLocked(String alias) {
        return "exists (select 1 from catalog_lock l where l.catalog_id = m.catalog_id and l.lock_name = "
                + CatalogLock.lockNameSql(alias + ".item_type") + ")";
    }

    /**
     * A course's {@link CourseLinkState} as the Courses view shows it, in SQL so that lists can select and filter by
     * it: no master, else Ignore Master Push, else desynced (push-rules §3), else linked. The arguments are SQL
     * expressions for the course's master id, its Ignore Master Push flag and whether it is desynced.
     */
    static String linkState(String masterId, String ignoreMasterPush, String desynced) {
        return "case when " + masterId + " is null then '" + CourseLinkState.UNLINKED.name() + "' when "
                + ignoreMasterPush + " then '" + CourseLinkState.IGNORE.name() + "' when " + desynced + " then '"
                + CourseLinkState.DESYNCED.name() + "' else '" + CourseLinkState.LINKED.name() + "' end";
    }

    /**
     * push-rules §3, for every locked type (residual items never count, Course Info never desyncs): a course of
     * master {@code m} is desynced when a non-residual item of a locked type (1) links to an existing item of another
     * master, (2) shares its link to an existing master item with another non-residual item, or (3) is unlinked but
     * has the match key of a current item of the master, unless it is a course-created category.
     */
    static final String DESYNCED = "exists (select 1 from course_item ci where ci.course_id = c.id"
            + " and not ci.residual and " + typeLocked("ci") + " and ("
            + " exists (select 1 from master_item f where f.id = ci.master_item_id and f.master_id <> c.master_id)"
            + " or exists (select 1 from course_item d join master_item x on x.id = d.master_item_id"
            + "     where d.course_id = c.id and d.id <> ci.id and not d.residual"
            + "     and d.master_item_id = ci.master_item_id)"
            + " or (ci.master_item_id is null and not (ci.item_type = 'CATEGORY' and ci.origin = 'COURSE')"
            + "     and exists (select 1 from master_item k where k.master_id = c.master_id"
            + "     and k.item_type = ci.item_type and k.match_key = ci.match_key))))";

    private static final String COURSES = " from course c join calendar cal on cal.id = c.calendar_id"
            + " left join course_master m on m.id = c.master_id left join course_catalog cat on cat.id = m.catalog_id"
            + " where cal.school_year_id = :yearId and cal.school_id = :schoolId and (:pattern = ''"
            + " or lower(c.number) like :pattern escape '!' or lower(c.name) like :pattern escape '!'"
            + " or lower(coalesce(c.department, '')) like :pattern escape '!'"
            + " or lower(coalesce(m.number, '')) like :pattern escape '!')";

    static final String COURSE_PAGE = "select c.id, c.number, c.name, c.department, c.ignore_master_push,"
            + " m.id as master_id, m.number as master_number, cat.name as catalog_name,"
            + " " + linkState("m.id", "c.ignore_master_push", DESYNCED) + " as link_state"
            + COURSES + " order by c.number, c.id offset :offset limit :limit";

    static final String COURSE_COUNT = "select count(*)" + COURSES;

    static final String COURSE = "select c.*, m.id as m_id, m.number as master_number, m.catalog_id,"
            + " cat.name as catalog_name, s.name as school_name, y.code as year_code,"
            + " " + linkState("m.id", "c.ignore_master_push", DESYNCED) + " as link_state"
            + " from course c join calendar cal on cal.id = c.calendar_id join school s on s.id = cal.school_id"
            + " join school_year y on y.id = cal.school_year_id"
            + " left join course_master m on m.id = c.master_id left join course_catalog cat on cat.id = m.catalog_id"
            + " where c.id = :courseId";

    /** Newest first; a year's dates both belong to it. */
    static final String SCHOOL_YEARS = "select id, code, start_date, end_date from school_year"
            + " order by start_date desc";

    static final String CATALOG_LOCKS = "select lock_name from catalog_lock where catalog_id = :catalogId";

    static final String COURSE_ITEMS = "select * from course_item where course_id = :courseId"
            + " order by item_type, seq, match_key, created_at";

    static final String SECTIONS = "select id, number, teacher from section where course_id = :courseId"
            + " order by number, id";

    static final String SECTION_ITEMS = "select si.* from section_item si join section s on s.id = si.section_id"
            + " where s.course_id = :courseId order by si.item_type, si.seq, si.match_key, si.created_at";
}
