package app.cascade.catalog;

import app.cascade.grading.ItemType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Course- and section-level edits of grading setup and Course Info, enforcing push-rules §1 "Editing": LOCKED items
 * (and section calc options forced to NO_CALCULATION) are refused with a message naming the catalog lock; editing a
 * LINKED_UNLOCKED item clears its link, except assessments, which are soft; editing a residual item makes it
 * course- or teacher-managed; additions may not take the key of a locked master item (course) or of a LOCKED item of
 * the section, so desync condition 3 cannot arise through the UI.
 */
@Service
@Transactional
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
public class CourseSetupService {

    private final JdbcTemplate jdbc;

    public CourseSetupService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void editCourseItem(UUID itemId, ItemEdit edit) {
        Row item = courseItem(itemId);
        CourseContext course = course(item.ownerId());
        refuseIfLocked(item, course);
        validate(edit, item.type());
        String newKey = edit.keyFor(item.type());
        if (!newKey.equals(item.key())) {
            refuseMasterKey(course, item.type(), newKey);
        }
        boolean keepLink = item.type() == ItemType.ASSESSMENT;
        jdbc.update("""
                update course_item set code = ?, name = ?, task_code = ?, term_code = ?, weight = ?, seq = ?,
                    calc_method = ?, rounding = ?, parts = ?::jsonb, master_item_id = ?, residual = false,
                    origin = case when residual then 'COURSE' else origin end
                where id = ?
                """, edit.code(), edit.nameFor(item.type()), edit.taskCode(), edit.termCode(), edit.weight(),
                edit.seq() == null ? 0 : edit.seq(), edit.calcMethod(), edit.rounding(), edit.parts(),
                keepLink ? item.link() : null, itemId);
    }

    public void deleteCourseItem(UUID itemId) {
        Row item = courseItem(itemId);
        CourseContext course = course(item.ownerId());
        refuseIfLocked(item, course);
        Map<String, Object> deps = jdbc.queryForMap("""
                select (select count(*) from assignment where task_item_id = ?)
                     + (select count(*) from assignment a join section_item si on si.id = a.category_item_id
                        where si.course_item_id = ?) as assignments,
                       (select count(*) from posted_grade where task_item_id = ?) as posted
                """, itemId, itemId, itemId);
        refuseDependents(item.label(), deps);
        jdbc.update("delete from section_item where course_item_id = ?", itemId);
        jdbc.update("delete from course_item where id = ?", itemId);
    }

    public UUID addCourseItem(long courseId, ItemType type, ItemEdit edit) {
        CourseContext course = course(courseId);
        validate(edit, type);
        refuseMasterKey(course, type, edit.keyFor(type));
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into course_item (id, course_id, item_type, code, name, task_code, term_code, weight, seq,
                    calc_method, rounding, parts, origin)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'COURSE')
                """, id, courseId, type.name(), edit.code(), edit.nameFor(type), edit.taskCode(), edit.termCode(),
                edit.weight(), edit.seq() == null ? 0 : edit.seq(), edit.calcMethod(), edit.rounding(), edit.parts());
        return id;
    }

    public void editCourseInfo(long courseId, CatalogLock field, String value) {
        if (!field.courseInfoField()) {
            throw new SetupEditException(field.label() + " is not a Course Info field");
        }
        CourseContext course = course(courseId);
        if (LinkStates.courseInfoLocked(field, course.masterId() != null, course.locks(), course.ignore())) {
            throw new SetupLockedException(field.label() + " is locked by the catalog \"" + course.catalogName()
                    + "\": it is set on the course master " + course.masterNumber() + " and pushed from there");
        }
        if (field == CatalogLock.NAME && (value == null || value.isBlank())) {
            throw new SetupEditException("The course name must not be empty");
        }
        String column = switch (field) {
            case NAME -> "name";
            case STATE_CODE -> "state_code";
            case DEPARTMENT -> "department";
            case CREDITS -> "credits";
            case GPA_WEIGHT -> "gpa_weight";
            default -> "description";
        };
        Object converted = value;
        if (field == CatalogLock.CREDITS || field == CatalogLock.GPA_WEIGHT) {
            try {
                converted = value == null || value.isBlank() ? null : new java.math.BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new SetupEditException(field.label() + " must be a number, was \"" + value + "\"");
            }
        }
        jdbc.update("update course set " + column + " = ?, version = version + 1 where id = ?", converted, courseId);
    }

    /**
     * Several Course Info fields at once, in one transaction: either all of them are saved or, when one is locked or
     * invalid, none is.
     */
    public void editCourseInfo(long courseId, Map<CatalogLock, String> values) {
        values.forEach((field, value) -> editCourseInfo(courseId, field, value));
    }

    /**
     * Sets or clears Ignore Master Push (push-rules §1–§3): while set, the school manages the course, nothing on it is
     * locked, and every master push skips it. Push All Courses still pushes it to its sections. Setting it on a course
     * without a master link is refused: no master push touches such a course anyway.
     */
    public void setIgnoreMasterPush(long courseId, boolean ignore) {
        CourseContext course = course(courseId);
        if (ignore && course.masterId() == null) {
            throw new SetupEditException("This course has no course master: no master push ever touches it, so "
                    + "there is nothing to ignore");
        }
        if (course.ignore() == ignore) {
            return;
        }
        jdbc.update("update course set ignore_master_push = ?, version = version + 1 where id = ?", ignore, courseId);
    }

    public void editSectionItem(UUID itemId, ItemEdit edit) {
        Row item = sectionItem(itemId);
        refuseIfLockedInSection(item);
        validate(edit, item.type());
        jdbc.update("""
                update section_item set code = ?, name = ?, task_code = ?, term_code = ?, weight = ?, seq = ?,
                    calc_method = ?, rounding = ?, parts = ?::jsonb, course_item_id = null, residual = false,
                    origin = case when residual then 'TEACHER' else origin end
                where id = ?
                """, edit.code(), edit.nameFor(item.type()), edit.taskCode(), edit.termCode(), edit.weight(),
                edit.seq() == null ? 0 : edit.seq(), edit.calcMethod(), edit.rounding(), edit.parts(), itemId);
    }

    public void deleteSectionItem(UUID itemId) {
        Row item = sectionItem(itemId);
        refuseIfLockedInSection(item);
        refuseDependents(item.label(), jdbc.queryForMap(
                "select (select count(*) from assignment where category_item_id = ?) as assignments, 0 as posted",
                itemId));
        jdbc.update("delete from section_item where id = ?", itemId);
    }

    public UUID addSectionItem(long sectionId, ItemType type, ItemEdit edit) {
        if (!type.sectionLevel()) {
            throw new SetupEditException(type.plural() + " live on courses only, not on sections");
        }
        validate(edit, type);
        String key = edit.keyFor(type);
        List<Row> sameKey = jdbc.query("select id, section_id as owner_id, item_type, code, name, task_code,"
                        + " term_code, match_key, course_item_id as link, residual, forced_no_calc from section_item"
                        + " where section_id = ? and item_type = ? and match_key = ?", CourseSetupService::row,
                sectionId, type.name(), key);
        for (Row other : sameKey) {
            if (sectionState(other) == ItemLinkState.LOCKED) {
                throw new SetupLockedException("\"" + other.label() + "\" already exists in this section and is "
                        + "locked by the course master's catalog; use it instead of adding another");
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into section_item (id, section_id, item_type, code, name, task_code, term_code, weight, seq,
                    calc_method, rounding, parts, origin)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'TEACHER')
                """, id, sectionId, type.name(), edit.code(), edit.nameFor(type), edit.taskCode(), edit.termCode(),
                edit.weight(), edit.seq() == null ? 0 : edit.seq(), edit.calcMethod(), edit.rounding(), edit.parts());
        return id;
    }

    // ---- rules

    private void refuseIfLocked(Row item, CourseContext course) {
        if (LinkStates.courseItem(item.link() != null, item.type(), course.locks(), course.ignore())
                == ItemLinkState.LOCKED) {
            throw new SetupLockedException(lockMessage(item, course));
        }
    }

    private void refuseIfLockedInSection(Row item) {
        if (item.forcedNoCalc()) {
            throw new SetupLockedException("\"" + item.label() + "\" is forced to No Calculation because its task "
                    + item.taskCode() + " is course managed (residual); set up the calc option at the course and "
                    + "push it to sections, or realign the grades");
        }
        if (sectionState(item) == ItemLinkState.LOCKED) {
            Row courseItem = courseItem(item.link());
            throw new SetupLockedException(lockMessage(courseItem, course(courseItem.ownerId())));
        }
    }

    private ItemLinkState sectionState(Row item) {
        if (item.link() == null) {
            return ItemLinkState.UNLINKED;
        }
        List<Row> linked = jdbc.query("select id, course_id as owner_id, item_type, code, name, task_code, term_code,"
                + " match_key, master_item_id as link, residual, forced_no_calc from course_item where id = ?",
                CourseSetupService::row, item.link());
        if (linked.isEmpty()) {
            return ItemLinkState.LINKED_UNLOCKED;
        }
        CourseContext course = course(linked.getFirst().ownerId());
        return LinkStates.sectionItem(true, LinkStates.courseItem(linked.getFirst().link() != null,
                linked.getFirst().type(), course.locks(), course.ignore()));
    }

    private void refuseMasterKey(CourseContext course, ItemType type, String key) {
        if (course.masterId() == null || course.ignore() || !course.locks().contains(CatalogLock.of(type))) {
            return;
        }
        Integer clashes = jdbc.queryForObject("select count(*) from master_item where master_id = ?"
                + " and item_type = ? and match_key = ?", Integer.class, course.masterId(), type.name(), key);
        if (clashes != null && clashes > 0) {
            throw new SetupLockedException("The course master " + course.masterNumber() + " already has this "
                    + type.singular().toLowerCase(Locale.ROOT) + " and the catalog \"" + course.catalogName()
                    + "\" locks " + CatalogLock.of(type).label()
                    + ": it comes from the master — push the master instead");
        }
    }

    /**
     * The type's own rules, plus, for a composite grade, the parts rule of course masters (CompositeParts, decision
     * 0004-grading-setup-validation): a course or section composite is held to the same rule as a master's.
     */
    private static void validate(ItemEdit edit, ItemType type) {
        edit.validateSetupFor(type);
    }

    private static void refuseDependents(String label, Map<String, Object> deps) {
        long assignments = ((Number) deps.get("assignments")).longValue();
        long posted = ((Number) deps.get("posted")).longValue();
        if (assignments + posted > 0) {
            throw new SetupEditException("\"" + label + "\" has " + Plural.of(assignments, "assignment") + " and "
                    + Plural.of(posted, "posted grade") + "; realign or delete them before deleting it");
        }
    }

    private static String lockMessage(Row item, CourseContext course) {
        return "\"" + item.label() + "\" is locked by the catalog \"" + course.catalogName() + "\" ("
                + CatalogLock.of(item.type()).label() + " locked): change it on the course master "
                + course.masterNumber() + " and push it";
    }




    // ---- data

    private record Row(UUID id, long ownerId, ItemType type, String code, String name, String taskCode,
                       String key, UUID link, boolean residual, boolean forcedNoCalc) {
        String label() {
            return switch (type) {
                case CATEGORY -> name;
                case CALC_OPTION, COMPOSITE -> key.replace("|", " / ");
                default -> code + (name == null || name.equals(code) ? "" : " " + name);
            };
        }
    }

    private record CourseContext(long id, Long masterId, String masterNumber, String catalogName,
                                 Set<CatalogLock> locks, boolean ignore) {
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getLong("owner_id"), ItemType.valueOf(rs.getString("item_type")),
                rs.getString("code"), rs.getString("name"), rs.getString("task_code"), rs.getString("match_key"),
                rs.getObject("link", UUID.class), rs.getBoolean("residual"), rs.getBoolean("forced_no_calc"));
    }

    private Row courseItem(UUID id) {
        return jdbc.query("select id, course_id as owner_id, item_type, code, name, task_code, term_code, match_key,"
                        + " master_item_id as link, residual, forced_no_calc from course_item where id = ?",
                CourseSetupService::row, id).stream().findFirst()
                .orElseThrow(() -> new SetupEditException("No such course item: " + id));
    }

    private Row sectionItem(UUID id) {
        return jdbc.query("select id, section_id as owner_id, item_type, code, name, task_code, term_code, match_key,"
                        + " course_item_id as link, residual, forced_no_calc from section_item where id = ?",
                CourseSetupService::row, id).stream().findFirst()
                .orElseThrow(() -> new SetupEditException("No such section item: " + id));
    }

    private CourseContext course(long courseId) {
        List<CourseContext> found = jdbc.query("""
                select c.id, c.master_id, m.number, cat.name as catalog, c.ignore_master_push,
                       array(select lock_name from catalog_lock l where l.catalog_id = m.catalog_id) as locks
                from course c left join course_master m on m.id = c.master_id
                left join course_catalog cat on cat.id = m.catalog_id where c.id = ?
                """, (rs, n) -> {
            Set<CatalogLock> locks = EnumSet.noneOf(CatalogLock.class);
            for (String lock : (String[]) rs.getArray("locks").getArray()) {
                locks.add(CatalogLock.fromDb(lock));
            }
            return new CourseContext(rs.getLong("id"), rs.getObject("master_id", Long.class), rs.getString("number"),
                    rs.getString("catalog"), locks, rs.getBoolean("ignore_master_push"));
        }, courseId);
        if (found.isEmpty()) {
            throw new SetupEditException("No such course: " + courseId);
        }
        return found.getFirst();
    }
}
