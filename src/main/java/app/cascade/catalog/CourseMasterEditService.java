package app.cascade.catalog;

import app.cascade.push.engine.DataType;
import app.cascade.security.CurrentUserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Editing course masters: their grading setup (every change recorded for the Awaiting Push report), their Course
 * Info, copying a master (push-rules §7) and deleting one.
 */
@Service
@Transactional
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
public class CourseMasterEditService {

    private static final String ITEM_COLUMNS = "item_type, code, name, task_code, term_code, weight, seq, calc_method,"
            + " rounding, parts";

    private final JdbcTemplate jdbc;
    private final CurrentUserService users;

    public CourseMasterEditService(JdbcTemplate jdbc, CurrentUserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    public UUID addItem(long masterId, app.cascade.catalog.DataType type, ItemEdit edit) {
        requireMaster(masterId);
        edit.validateFor(type);
        String key = edit.keyFor(type);
        Integer clash = jdbc.queryForObject("select count(*) from master_item where master_id = ? and item_type = ?"
                + " and match_key = ?", Integer.class, masterId, type.name(), key);
        if (clash != null && clash > 0) {
            throw new SetupEditException("This course master already has " + type.singular().toLowerCase(Locale.ROOT)
                    + " \"" + key + "\"");
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into master_item (id, master_id, " + ITEM_COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", id, masterId, type.name(), edit.code(),
                edit.nameFor(type), edit.taskCode(), edit.termCode(), edit.weight(), edit.seq() == null ? 0 : edit.seq(),
                edit.calcMethod(), edit.rounding(), edit.parts());
        record(masterId, type.name(), id, label(type, edit), "ADDED");
        return id;
    }

    public void updateItem(UUID itemId, ItemEdit edit) {
        Map<String, Object> item = item(itemId);
        app.cascade.catalog.DataType type = app.cascade.catalog.DataType.valueOf((String) item.get("item_type"));
        edit.validateFor(type);
        jdbc.update("""
                update master_item set code = ?, name = ?, task_code = ?, term_code = ?, weight = ?, seq = ?,
                    calc_method = ?, rounding = ?, parts = ?::jsonb where id = ?
                """, edit.code(), edit.nameFor(type), edit.taskCode(), edit.termCode(), edit.weight(),
                edit.seq() == null ? 0 : edit.seq(), edit.calcMethod(), edit.rounding(), edit.parts(), itemId);
        record((Long) item.get("master_id"), type.name(), itemId, label(type, edit), "MODIFIED");
    }

    public void removeItem(UUID itemId) {
        Map<String, Object> item = item(itemId);
        jdbc.update("delete from master_item where id = ?", itemId);
        record((Long) item.get("master_id"), (String) item.get("item_type"), itemId, (String) item.get("label"),
                "REMOVED");
    }

    /** Course Info is pushed too, but it is not grading setup: it does not appear on the Awaiting Push report. */
    public void updateInfo(long masterId, CatalogLock field, String value) {
        requireMaster(masterId);
        String column = switch (field) {
            case NAME -> "name";
            case STATE_CODE -> "state_code";
            case DEPARTMENT -> "department";
            case DESCRIPTION -> "description";
            case CREDITS -> "credits";
            case GPA_WEIGHT -> "gpa_weight";
            default -> throw new SetupEditException(field.label() + " is not a Course Info field");
        };
        Object converted = value;
        if (field == CatalogLock.CREDITS || field == CatalogLock.GPA_WEIGHT) {
            try {
                converted = value == null || value.isBlank() ? null : new java.math.BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new SetupEditException(field.label() + " must be a number, was \"" + value + "\"");
            }
        }
        if (field == CatalogLock.NAME && (value == null || value.isBlank())) {
            throw new SetupEditException("The course master's name must not be empty");
        }
        jdbc.update("update course_master set " + column + " = ?, version = version + 1 where id = ?", converted,
                masterId);
    }

    /** Refused while courses link to the master; the message names them. */
    public void deleteMaster(long masterId) {
        requireMaster(masterId);
        List<String> linked = jdbc.queryForList("""
                select c.number || ' (' || s.code || ', ' || y.code || ')' from course c
                join calendar cal on cal.id = c.calendar_id join school s on s.id = cal.school_id
                join school_year y on y.id = cal.school_year_id where c.master_id = ? order by 1
                """, String.class, masterId);
        if (!linked.isEmpty()) {
            throw new SetupEditException("The course master cannot be deleted while courses link to it: "
                    + String.join(", ", linked.subList(0, Math.min(20, linked.size())))
                    + (linked.size() > 20 ? " and " + (linked.size() - 20) + " more" : ""));
        }
        jdbc.update("delete from course_master where id = ?", masterId);
    }

    /** Copies into a new master numbered {@code newNumber} in {@code targetCatalogId}. */
    public CopyResult copyToNew(long sourceId, long targetCatalogId, String newNumber, Set<DataType> types) {
        requireMaster(sourceId);
        if (newNumber == null || newNumber.isBlank()) {
            throw new SetupEditException("The new course master needs a number");
        }
        String catalogName = jdbc.query("select name from course_catalog where id = ?",
                (rs, n) -> rs.getString(1), targetCatalogId).stream().findFirst()
                .orElseThrow(() -> new SetupEditException("No such course catalog: " + targetCatalogId));
        Integer taken = jdbc.queryForObject("select count(*) from course_master where catalog_id = ? and number = ?",
                Integer.class, targetCatalogId, newNumber.strip());
        if (taken != null && taken > 0) {
            throw new SetupEditException("A course master numbered " + newNumber.strip() + " already exists in "
                    + "the catalog \"" + catalogName + "\": choose another number, or copy into that master");
        }
        Set<DataType> effective = effective(types);
        Long id = jdbc.queryForObject("""
                insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,
                    description)
                select ?, ?, name, state_code, department, credits, gpa_weight, description from course_master
                where id = ? returning id
                """, Long.class, targetCatalogId, newNumber.strip(), sourceId);
        copyItems(sourceId, id, effective);
        return new CopyResult(List.of(id), effective);
    }

    /** Copies the chosen types (and Course Info, if chosen) into existing masters, matching items by key. */
    public CopyResult copyToExisting(long sourceId, List<Long> targetIds, Set<DataType> types) {
        requireMaster(sourceId);
        if (targetIds.isEmpty()) {
            throw new SetupEditException("Choose at least one course master to copy into");
        }
        Set<DataType> effective = effective(types);
        for (long target : targetIds) {
            if (target == sourceId) {
                throw new SetupEditException("A course master cannot be copied into itself");
            }
            requireMaster(target);
            if (effective.contains(DataType.COURSE_INFO)) {
                jdbc.update("""
                        update course_master t set name = s.name, state_code = s.state_code, department = s.department,
                            credits = s.credits, gpa_weight = s.gpa_weight, description = s.description,
                            version = t.version + 1
                        from course_master s where s.id = ? and t.id = ?
                        """, sourceId, target);
            }
            copyItems(sourceId, target, effective);
        }
        return new CopyResult(List.copyOf(targetIds), effective);
    }

    /** Selecting Grade Calc Options also selects Grading Tasks/Standards (push-rules §7). */
    static Set<DataType> effective(Set<DataType> types) {
        if (types == null || types.isEmpty()) {
            throw new SetupEditException("Choose at least one type of data to copy");
        }
        Set<DataType> effective = EnumSet.copyOf(types);
        if (effective.contains(DataType.CALC_OPTIONS)) {
            effective.add(DataType.TASKS_STANDARDS);
        }
        return effective;
    }

    private void copyItems(long sourceId, long targetId, Set<DataType> types) {
        List<String> itemTypes = new ArrayList<>();
        for (DataType type : types) {
            type.itemTypes().forEach(t -> itemTypes.add(t.name()));
        }
        if (itemTypes.isEmpty()) {
            return;
        }
        String[] typeArray = itemTypes.toArray(String[]::new);
        // removed: target items of the copied types with no counterpart in the source
        jdbc.query("""
                delete from master_item t where t.master_id = ? and t.item_type = any (?)
                  and not exists (select 1 from master_item s where s.master_id = ? and s.item_type = t.item_type
                                  and s.match_key = t.match_key)
                returning t.id, t.item_type, coalesce(t.code, t.task_code || ' / ' || t.term_code, t.name) as label
                """, rs -> {
            record(targetId, rs.getString("item_type"), rs.getObject("id", UUID.class), rs.getString("label"),
                    "REMOVED");
        }, targetId, typeArray, sourceId);
        // modified: same key, other values
        jdbc.query("""
                update master_item t set code = s.code, name = s.name, task_code = s.task_code,
                    term_code = s.term_code, weight = s.weight, seq = s.seq, calc_method = s.calc_method,
                    rounding = s.rounding, parts = s.parts
                from master_item s
                where t.master_id = ? and s.master_id = ? and s.item_type = t.item_type and s.match_key = t.match_key
                  and t.item_type = any (?)
                  and (t.code, t.name, t.task_code, t.term_code, t.weight, t.seq, t.calc_method, t.rounding, t.parts)
                      is distinct from
                      (s.code, s.name, s.task_code, s.term_code, s.weight, s.seq, s.calc_method, s.rounding, s.parts)
                returning t.id, t.item_type, coalesce(t.code, t.task_code || ' / ' || t.term_code, t.name) as label
                """, rs -> {
            record(targetId, rs.getString("item_type"), rs.getObject("id", UUID.class), rs.getString("label"),
                    "MODIFIED");
        }, targetId, sourceId, typeArray);
        // added
        jdbc.query("""
                insert into master_item (id, master_id, %s)
                select gen_random_uuid(), ?, %s from master_item s
                where s.master_id = ? and s.item_type = any (?)
                  and not exists (select 1 from master_item t where t.master_id = ? and t.item_type = s.item_type
                                  and t.match_key = s.match_key)
                returning id, item_type, coalesce(code, task_code || ' / ' || term_code, name) as label
                """.formatted(ITEM_COLUMNS, ITEM_COLUMNS.replace("item_type", "s.item_type")), rs -> {
            record(targetId, rs.getString("item_type"), rs.getObject("id", UUID.class), rs.getString("label"),
                    "ADDED");
        }, targetId, sourceId, typeArray, targetId);
    }

    private void record(long masterId, String itemType, UUID itemId, String label, String change) {
        jdbc.update("insert into master_change (master_id, item_type, item_id, item_label, change, changed_by)"
                        + " values (?, ?, ?, ?, ?, ?)", masterId, itemType, itemId, label, change,
                users.current().map(u -> u.username()).orElse("system"));
    }

    private void requireMaster(long masterId) {
        Integer n = jdbc.queryForObject("select count(*) from course_master where id = ?", Integer.class, masterId);
        if (n == null || n == 0) {
            throw new SetupEditException("No such course master: " + masterId);
        }
    }

    private Map<String, Object> item(UUID itemId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select master_id, item_type, coalesce(code, task_code || ' / ' || term_code, name) as label
                from master_item where id = ?
                """, itemId);
        if (rows.isEmpty()) {
            throw new SetupEditException("No such course master item: " + itemId);
        }
        return rows.getFirst();
    }



    private static String label(app.cascade.catalog.DataType type, ItemEdit edit) {
        return switch (type) {
            case CATEGORY -> edit.name();
            case CALC_OPTION, COMPOSITE -> edit.taskCode() + " / " + edit.termCode();
            default -> edit.code();
        };
    }
}
