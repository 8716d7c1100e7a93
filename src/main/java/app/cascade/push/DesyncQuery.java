package app.cascade.push;

import app.cascade.grading.LockType;
import app.cascade.grading.Locks;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.Desync;
import app.cascade.push.engine.DesyncDetector;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.internal.PushLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which courses of a catalog and year are desynced from their master, and why: the same three conditions the push
 * engine checks, for every grading type the catalog locks (Ignore Master Push courses are managed by their school and
 * never desync).
 */
@Service
public class DesyncQuery {

    private final JdbcTemplate jdbc;
    private final PushLoader loader;

    public DesyncQuery(JdbcTemplate jdbc, PushLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<DesyncedCourse> desyncedCourses(long catalogId, long schoolYearId) {
        Locks locks = loader.locks(catalogId);
        Set<LockType> checked = EnumSet.noneOf(LockType.class);
        checked.addAll(locks.gradingTypes());
        List<Long> scope = jdbc.queryForList("""
                select c.id from course c join calendar cal on cal.id = c.calendar_id
                join course_master m on m.id = c.master_id
                where m.catalog_id = ? and cal.school_year_id = ? and not c.ignore_master_push
                order by c.master_id, c.id
                """, Long.class, catalogId, schoolYearId);
        List<DesyncedCourse> result = new ArrayList<>();
        for (int from = 0; from < scope.size(); from += 200) {
            PushLoader.Chunk chunk = loader.load(scope.subList(from, Math.min(scope.size(), from + 200)), false);
            for (CourseInput course : chunk.courses()) {
                MasterInput master = chunk.masters().get(course.masterId());
                List<Desync> reasons = DesyncDetector.detect(master, course.items(), chunk.facts(), checked);
                if (!reasons.isEmpty()) {
                    result.add(new DesyncedCourse(course.id(), course.school(), course.number(),
                            course.info().name(), master.number(), reasons));
                }
            }
        }
        return result;
    }
}
