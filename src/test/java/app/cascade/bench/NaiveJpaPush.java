package app.cascade.bench;

import app.cascade.catalog.internal.Course;
import app.cascade.catalog.internal.CourseItem;
import app.cascade.catalog.internal.CourseMaster;
import app.cascade.catalog.internal.MasterItem;
import app.cascade.catalog.internal.PlacedItem;
import app.cascade.catalog.internal.Section;
import app.cascade.catalog.internal.SectionItem;
import app.cascade.catalog.internal.Term;
import app.cascade.grading.ItemType;
import app.cascade.grading.Locks;
import app.cascade.grading.Origin;
import app.cascade.push.engine.CourseInfo;
import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.CoursePlan;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Facts;
import app.cascade.push.engine.Item;
import app.cascade.push.engine.ItemValues;
import app.cascade.push.engine.ItemWrite;
import app.cascade.push.engine.MasterInput;
import app.cascade.push.engine.PlanCounts;
import app.cascade.push.engine.PushOptions;
import app.cascade.push.engine.PushPlanner;
import app.cascade.push.engine.ReportRow;
import app.cascade.push.engine.SectionInput;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The naive baseline of issue 7: the same push (same planner, same semantics) done entity by entity through JPA, the
 * way an ORM-first implementation would do it. Per course: load the course, its master and master items, its course
 * items, its sections and each section's items through the EntityManager; count each item's dependents with one
 * query per item and kind of dependent; check the gradebook counts before and after; then apply the plan entity by
 * entity ({@code persist}, {@code remove}, setters, flushed per course) and insert the report rows and the course
 * result one by one. Only for the benchmark (size S): the engine never does this.
 */
final class NaiveJpaPush {

    /** What the baseline changed, summed like the engine's push_course_result. */
    record Totals(long created, long updated, long deleted, long queries) {
    }

    private final EntityManager em;
    private final PushPlanner planner = PushPlanner.standard();
    private long queries;

    NaiveJpaPush(EntityManager em) {
        this.em = em;
    }

    Totals run(UUID requestId, List<Long> courseIds, Locks locks, PushOptions options) {
        long created = 0;
        long updated = 0;
        long deleted = 0;
        for (Long courseId : courseIds) {
            CourseInput course = loadCourse(courseId);
            MasterInput master = loadMaster(courseId);
            Facts facts = facts(course);
            CoursePlan plan = planner.planMasterPush(master, course, locks, options, facts);
            List<Long> before = plan.changesNothing() ? null : gradebook(course);
            apply(courseId, plan);
            em.flush();
            if (before != null && !before.equals(gradebook(course))) {
                throw new IllegalStateException("gradebook of course " + courseId + " changed");
            }
            for (ReportRow row : plan.rows()) {
                insertRow(requestId, row);
            }
            insertResult(requestId, plan);
            em.flush();
            em.clear();
            created += plan.counts().created();
            updated += plan.counts().updated();
            deleted += plan.counts().deleted();
        }
        return new Totals(created, updated, deleted, queries);
    }

    private CourseInput loadCourse(long courseId) {
        Course c = em.find(Course.class, courseId);
        queries++;
        Set<String> terms = new HashSet<>();
        for (Term t : c.getCalendar().getTerms()) {
            terms.add(t.getCode());
        }
        queries += 2;
        List<Item> items = new ArrayList<>();
        for (CourseItem i : em.createQuery("select i from CourseItem i where i.course = :c", CourseItem.class)
                .setParameter("c", c).getResultList()) {
            items.add(item(i, i.getMasterItemId()));
        }
        queries++;
        List<SectionInput> sections = new ArrayList<>();
        for (Section s : em.createQuery("select s from Section s where s.course = :c order by s.number",
                Section.class).setParameter("c", c).getResultList()) {
            List<Item> sectionItems = new ArrayList<>();
            for (SectionItem i : em.createQuery("select i from SectionItem i where i.section = :s",
                    SectionItem.class).setParameter("s", s).getResultList()) {
                sectionItems.add(item(i, i.getCourseItemId()));
            }
            queries++;
            sections.add(new SectionInput(s.getId(), s.getNumber(), s.getTeacher(), sectionItems));
        }
        queries++;
        CourseMaster m = c.getMaster();
        return new CourseInput(c.getId(), c.getCalendar().getSchool().getName(), c.getNumber(), info(c.getInfo()),
                m == null ? null : m.getId(), c.isIgnoreMasterPush(), terms, items, sections);
    }

    private MasterInput loadMaster(long courseId) {
        CourseMaster m = em.find(Course.class, courseId).getMaster();
        if (m == null) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (MasterItem i : em.createQuery("select i from MasterItem i where i.master = :m", MasterItem.class)
                .setParameter("m", m).getResultList()) {
            items.add(Item.master(i.getId(), ItemType.valueOf(i.getType().name()), values(i),
                    instant(i.getCreatedAt())));
        }
        queries += 2;
        return new MasterInput(m.getId(), m.getNumber(), info(m.getInfo()), items);
    }

    /** Dependents counted item by item, one query per item and kind (push-rules §1), and foreign links' owners. */
    private Facts facts(CourseInput course) {
        Map<UUID, Dependents> dependents = new HashMap<>();
        Map<UUID, Long> owners = new HashMap<>();
        List<Long> sectionIds = course.sections().stream().map(SectionInput::id).toList();
        for (Item i : course.items()) {
            Dependents d = switch (i.type()) {
                case TASK, STANDARD -> plus(assignments("a.task_item_id = ?1", i.id()),
                        posted("pg.task_item_id = ?1", i.id()));
                case CATEGORY -> assignments("a.category_item_id in (select si.id from section_item si"
                        + " where si.course_item_id = ?1)", i.id());
                case CALC_OPTION, COMPOSITE -> posted("pg.section_id in (select s.id from section s"
                        + " where s.course_id = ?1) and t.code = ?2 and pg.term_code = ?3", course.id(),
                        i.values().taskCode(), i.values().termCode());
                case ASSESSMENT -> Dependents.NONE;
            };
            if (!d.equals(Dependents.NONE)) {
                dependents.put(i.id(), d);
            }
            if (i.link() != null) {
                MasterItem target = em.find(MasterItem.class, i.link());
                queries++;
                if (target != null) {
                    owners.put(i.link(), target.getMaster().getId());
                }
            }
        }
        for (SectionInput s : course.sections()) {
            for (Item i : s.items()) {
                Dependents d = switch (i.type()) {
                    case CATEGORY -> assignments("a.category_item_id = ?1", i.id());
                    case CALC_OPTION, COMPOSITE -> posted("pg.section_id = ?1 and t.code = ?2 and pg.term_code = ?3",
                            s.id(), i.values().taskCode(), i.values().termCode());
                    default -> Dependents.NONE;
                };
                if (!d.equals(Dependents.NONE)) {
                    dependents.put(i.id(), d);
                }
            }
        }
        return new Facts(dependents, owners);
    }

    private Dependents assignments(String where, Object... args) {
        Object[] r = (Object[]) query("""
                select count(*), coalesce(sum((select count(*) from score x where x.assignment_id = a.id)), 0),
                       coalesce(sum((select count(*) from assignment_comment x where x.assignment_id = a.id)), 0)
                from assignment a where\s""" + where, args);
        return new Dependents(num(r[0]), num(r[1]), 0, num(r[2]));
    }

    private static Dependents plus(Dependents a, Dependents b) {
        return new Dependents(a.assignments() + b.assignments(), a.scores() + b.scores(),
                a.postedGrades() + b.postedGrades(), a.comments() + b.comments());
    }

    private Dependents posted(String where, Object... args) {
        Object r = query("select count(*) from posted_grade pg join course_item t on t.id = pg.task_item_id where "
                + where, args);
        return new Dependents(0, 0, num(r), 0);
    }

    private Object query(String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int n = 0; n < args.length; n++) {
            q.setParameter(n + 1, args[n]);
        }
        queries++;
        return q.getSingleResult();
    }

    /** Assignments, scores, comments and posted grades of the course, one count query each. */
    private List<Long> gradebook(CourseInput course) {
        List<Long> counts = new ArrayList<>();
        for (String sql : List.of(
                "select count(*) from assignment a join section s on s.id = a.section_id where s.course_id = ?1",
                "select count(*) from score x join assignment a on a.id = x.assignment_id"
                        + " join section s on s.id = a.section_id where s.course_id = ?1",
                "select count(*) from assignment_comment x join assignment a on a.id = x.assignment_id"
                        + " join section s on s.id = a.section_id where s.course_id = ?1",
                "select count(*) from posted_grade p join section s on s.id = p.section_id where s.course_id = ?1")) {
            counts.add((long) num(query(sql, course.id())));
        }
        return counts;
    }

    private void apply(long courseId, CoursePlan plan) {
        for (UUID id : plan.sectionDeletes()) {
            SectionItem si = em.find(SectionItem.class, id);
            if (si != null) {
                em.remove(si);
            }
        }
        for (UUID id : plan.courseDeletes()) {
            for (SectionItem copy : em.createQuery("select i from SectionItem i where i.courseItemId = :id",
                    SectionItem.class).setParameter("id", id).getResultList()) {
                em.remove(copy);
            }
            em.remove(em.find(CourseItem.class, id));
            queries += 2;
        }
        em.flush();
        Course course = em.find(Course.class, courseId);
        for (ItemWrite w : plan.writes()) {
            Item item = w.item();
            if (w.sectionId() == null) {
                CourseItem ci = w.insert()
                        ? new CourseItem(item.id(), course, type(item), item.values().name(), origin(item))
                        : em.find(CourseItem.class, item.id());
                set(ci, item);
                ci.setMasterItemId(item.link());
                if (w.insert()) {
                    em.persist(ci);
                }
            } else {
                SectionItem si = w.insert()
                        ? new SectionItem(item.id(), em.getReference(Section.class, w.sectionId()), type(item),
                        item.values().name(), origin(item))
                        : em.find(SectionItem.class, item.id());
                set(si, item);
                si.setCourseItemId(item.link());
                if (w.insert()) {
                    em.persist(si);
                }
            }
            queries++;
        }
        if (plan.newInfo() != null) {
            CourseInfo i = plan.newInfo();
            course.setInfo(new app.cascade.catalog.internal.CourseInfo(i.name(), i.stateCode(), i.department(),
                    i.credits(), i.gpaWeight(), i.description()));
            queries++;
        }
    }

    private void insertRow(UUID requestId, ReportRow r) {
        var q = em.createNativeQuery("""
                insert into push_report_row (request_id, course_id, school, course_number, course_name, section,
                    data_type, item, outcome, reason, assignments, scores, posted_grades, comments, message)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""");
        Object[] values = {requestId, r.courseId(), r.school(), r.courseNumber(), r.courseName(), r.section(),
                r.dataType(), r.item(), r.outcome(), r.reason().name(), r.dependents().assignments(),
                r.dependents().scores(), r.dependents().postedGrades(), r.dependents().comments(), r.message()};
        for (int n = 0; n < values.length; n++) {
            q.setParameter(n + 1, values[n]);
        }
        q.executeUpdate();
        queries++;
    }

    private void insertResult(UUID requestId, CoursePlan plan) {
        PlanCounts c = plan.counts();
        em.createNativeQuery("""
                        insert into push_course_result (request_id, course_id, outcome, created, updated, deleted,
                            relinked, residual, renamed, info_fields)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, requestId).setParameter(2, plan.courseId()).setParameter(3, plan.outcome().name())
                .setParameter(4, c.created()).setParameter(5, c.updated()).setParameter(6, c.deleted())
                .setParameter(7, c.relinked()).setParameter(8, c.residual()).setParameter(9, c.renamed())
                .setParameter(10, c.courseInfoFields()).executeUpdate();
        queries++;
    }

    private static void set(PlacedItem target, Item item) {
        ItemValues v = item.values();
        target.setCode(v.code());
        target.setName(v.name());
        target.setTaskCode(v.taskCode());
        target.setTermCode(v.termCode());
        target.setWeight(v.weight());
        target.setSeq(v.seq());
        target.setCalcMethod(v.calcMethod());
        target.setRounding(v.rounding());
        target.setParts(v.parts());
        target.setOrigin(app.cascade.grading.Origin.valueOf(item.origin().name()));
        target.setResidual(item.residual());
        target.setForcedNoCalc(item.forcedNoCalc());
    }

    private static app.cascade.grading.ItemType type(Item item) {
        return app.cascade.grading.ItemType.valueOf(item.type().name());
    }

    private static app.cascade.grading.Origin origin(Item item) {
        return app.cascade.grading.Origin.valueOf(item.origin().name());
    }

    private static Item item(PlacedItem i, UUID link) {
        return new Item(i.getId(), ItemType.valueOf(i.getType().name()), values(i), link,
                Origin.valueOf(i.getOrigin().name()), i.isResidual(), i.isForcedNoCalc(), instant(i.getCreatedAt()));
    }

    private static ItemValues values(app.cascade.catalog.internal.ItemValues i) {
        return new ItemValues(i.getCode(), i.getName(), i.getTaskCode(), i.getTermCode(), i.getWeight(), i.getSeq(),
                i.getCalcMethod(), i.getRounding(), i.getParts());
    }

    private static CourseInfo info(app.cascade.catalog.internal.CourseInfo i) {
        return new CourseInfo(i.getName(), i.getStateCode(), i.getDepartment(), i.getCredits(), i.getGpaWeight(),
                i.getDescription());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? Instant.now() : t.toInstant();
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
