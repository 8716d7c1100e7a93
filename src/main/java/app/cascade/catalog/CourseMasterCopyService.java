package app.cascade.catalog;

import app.cascade.grading.LockType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static app.cascade.catalog.MasterWrites.ITEM_COLUMNS;
import static app.cascade.catalog.MasterWrites.blankToNull;

/**
 * Copying a course master (push-rules §7) into a new master or into existing ones; every item the copy adds, changes
 * or removes is recorded for the Awaiting Push report, as an edit's is.
 */
@Service
@Transactional
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
public class CourseMasterCopyService {

    private final JdbcTemplate jdbc;
    private final MasterWrites writes;

    CourseMasterCopyService(JdbcTemplate jdbc, MasterWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Copies into a new master numbered {@code newNumber} in {@code targetCatalogId}, with the source's name. */
    public CopyResult copyToNew(long sourceId, long targetCatalogId, String newNumber, Set<LockType> types) {
        return copyToNew(sourceId, targetCatalogId, newNumber, null, types);
    }

    /**
     * Copies into a new master numbered {@code newNumber} in {@code targetCatalogId}, named {@code newName} (blank:
     * the source's name).
     */
    public CopyResult copyToNew(long sourceId, long targetCatalogId, String newNumber, String newName,
                                Set<LockType> types) {
        writes.requireMaster(sourceId);
        if (newNumber == null || newNumber.isBlank()) {
            throw new SetupEditException("The new course master needs a number", "number");
        }
        String catalogName = writes.catalogName(targetCatalogId);
        writes.requireFreeNumber(targetCatalogId, catalogName, newNumber,
                ": choose another number, or copy into that master");
        Set<LockType> effective = effective(types);
        Long id = jdbc.queryForObject("""
                insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,
                    description)
                select ?, ?, coalesce(?, name), state_code, department, credits, gpa_weight, description
                from course_master where id = ? returning id
                """, Long.class, targetCatalogId, newNumber.strip(), blankToNull(newName), sourceId);
        copyItems(sourceId, id, effective);
        return new CopyResult(List.of(id), effective);
    }

    /** Copies the chosen types (and Course Info, if chosen) into existing masters, matching items by key. */
    public CopyResult copyToExisting(long sourceId, List<Long> targetIds, Set<LockType> types) {
        writes.requireMaster(sourceId);
        if (targetIds.isEmpty()) {
            throw new SetupEditException("Choose at least one course master to copy into");
        }
        Set<LockType> effective = effective(types);
        for (long target : targetIds) {
            if (target == sourceId) {
                throw new SetupEditException("A course master cannot be copied into itself");
            }
            writes.requireMaster(target);
            if (effective.contains(LockType.COURSE_INFO)) {
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
    static Set<LockType> effective(Set<LockType> types) {
        if (types == null || types.isEmpty()) {
            throw new SetupEditException("Choose at least one type of data to copy");
        }
        Set<LockType> effective = EnumSet.copyOf(types);
        if (effective.contains(LockType.CALC_OPTIONS)) {
            effective.add(LockType.TASKS_STANDARDS);
        }
        return effective;
    }

    private void copyItems(long sourceId, long targetId, Set<LockType> types) {
        List<String> itemTypes = new ArrayList<>();
        for (LockType type : types) {
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
            writes.record(targetId, rs.getString("item_type"), rs.getObject("id", UUID.class), rs.getString("label"),
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
            writes.record(targetId, rs.getString("item_type"), rs.getObject("id", UUID.class), rs.getString("label"),
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
            writes.record(targetId, rs.getString("item_type"), rs.getObject("id", UUID.class), rs.getString("label"),
                    "ADDED");
        }, targetId, sourceId, typeArray, targetId);
    }
}
