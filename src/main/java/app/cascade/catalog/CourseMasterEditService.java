package app.cascade.catalog;

import app.cascade.grading.ItemType;
import app.cascade.tenancy.CurrentTenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.cascade.catalog.MasterWrites.ITEM_COLUMNS;
import static app.cascade.catalog.MasterWrites.blankToNull;

/**
 * Editing course masters: their grading setup (every change recorded for the Awaiting Push report), their Course
 * Info and deleting one. Copying a master is {@link CourseMasterCopyService}'s.
 */
@Service
@Transactional
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
public class CourseMasterEditService {

    private final JdbcTemplate jdbc;
    private final MasterWrites writes;
    private final CurrentTenant tenant;

    CourseMasterEditService(JdbcTemplate jdbc, MasterWrites writes, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.tenant = tenant;
    }

    /**
     * The terms {@code masterId}'s calc options and composites may name ({@link TermChoices}): the term codes of the
     * calendars of the school years that have not ended in the district's time zone (of every year when all have),
     * and, per code, the calendars the master reaches that lack it. A calendar is reached when its school is assigned
     * the master's catalog or it holds a course linked to the master; when none is, every calendar counts.
     */
    @Transactional(readOnly = true)
    public TermChoices termChoices(long masterId) {
        writes.requireMaster(masterId);
        LocalDate today = LocalDate.now(tenant.require().timeZone());
        List<Map<String, Object>> years = jdbc.queryForList("select id, code from school_year where end_date >= ?"
                + " order by start_date", today);
        if (years.isEmpty()) {
            years = jdbc.queryForList("select id, code from school_year order by start_date");
        }
        record Calendar(String label, List<String> terms, boolean reached) {
        }
        List<Calendar> calendars = jdbc.query("""
                select s.name || ' ' || y.code as label,
                       array_remove(array_agg(t.code order by t.seq, t.code), null) as terms,
                       (s.catalog_id is not distinct from m.catalog_id
                        or exists (select 1 from course c where c.calendar_id = cal.id and c.master_id = m.id))
                           as reached
                from course_master m
                cross join calendar cal
                join school s on s.id = cal.school_id
                join school_year y on y.id = cal.school_year_id
                left join term t on t.calendar_id = cal.id
                where m.id = ? and cal.school_year_id = any (?)
                group by cal.id, s.name, s.catalog_id, y.code, y.start_date, m.id, m.catalog_id
                order by y.start_date, s.name
                """, (rs, n) -> new Calendar(rs.getString("label"),
                        List.of((String[]) rs.getArray("terms").getArray()), rs.getBoolean("reached")),
                masterId, years.stream().map(y -> ((Number) y.get("id")).longValue()).toArray(Long[]::new));
        Set<String> codes = new LinkedHashSet<>();
        calendars.forEach(c -> codes.addAll(c.terms()));
        List<Calendar> concerned = calendars.stream().anyMatch(Calendar::reached)
                ? calendars.stream().filter(Calendar::reached).toList() : calendars;
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String code : codes) {
            List<String> lacking = concerned.stream().filter(c -> !c.terms().contains(code)).map(Calendar::label)
                    .toList();
            if (!lacking.isEmpty()) {
                missing.put(code, lacking);
            }
        }
        return new TermChoices(years.stream().map(y -> (String) y.get("code")).toList(), List.copyOf(codes),
                missing);
    }

    public UUID addItem(long masterId, ItemType type, ItemEdit edit) {
        writes.requireMaster(masterId);
        validate(masterId, type, edit, null);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into master_item (id, master_id, " + ITEM_COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", id, masterId, type.name(), edit.code(),
                edit.nameFor(type), edit.taskCode(), edit.termCode(), edit.weight(), edit.seq() == null ? 0 : edit.seq(),
                edit.calcMethod(), edit.rounding(), edit.parts());
        writes.record(masterId, type.name(), id, label(type, edit), "ADDED");
        return id;
    }

    public void updateItem(UUID itemId, ItemEdit edit) {
        Map<String, Object> item = item(itemId);
        ItemType type = ItemType.valueOf((String) item.get("item_type"));
        validate((Long) item.get("master_id"), type, edit, itemId);
        jdbc.update("""
                update master_item set code = ?, name = ?, task_code = ?, term_code = ?, weight = ?, seq = ?,
                    calc_method = ?, rounding = ?, parts = ?::jsonb where id = ?
                """, edit.code(), edit.nameFor(type), edit.taskCode(), edit.termCode(), edit.weight(),
                edit.seq() == null ? 0 : edit.seq(), edit.calcMethod(), edit.rounding(), edit.parts(), itemId);
        writes.record((Long) item.get("master_id"), type.name(), itemId, label(type, edit), "MODIFIED");
    }

    public void removeItem(UUID itemId) {
        Map<String, Object> item = item(itemId);
        String itemType = (String) item.get("item_type");
        if (itemType.equals("TASK") || itemType.equals("STANDARD")) {
            List<String> dependents = jdbc.queryForList("""
                    select case item_type when 'CALC_OPTION' then 'grade calc option ' else 'composite grade ' end
                           || task_code || ' / ' || term_code
                    from master_item d where d.master_id = ? and d.id <> ?
                      and (d.item_type = 'CALC_OPTION' and d.task_code = ?
                           or d.item_type = 'COMPOSITE' and (d.task_code = ? or exists (
                               select 1 from jsonb_array_elements(coalesce(d.parts, '[]'::jsonb)) p
                               where p ->> 'taskCode' = ?)))
                    order by 1
                    """, String.class, item.get("master_id"), itemId, item.get("code"), item.get("code"),
                    item.get("code"));
            if (!dependents.isEmpty()) {
                throw new SetupEditException("\"" + item.get("code") + "\" cannot be removed while other items of "
                        + "this course master refer to it: " + String.join(", ", dependents)
                        + ". Remove or change those first.");
            }
        }
        jdbc.update("delete from master_item where id = ?", itemId);
        writes.record((Long) item.get("master_id"), (String) item.get("item_type"), itemId, (String) item.get("label"),
                "REMOVED");
    }

    /** Course Info is pushed too, but it is not grading setup: it does not appear on the Awaiting Push report. */
    public void updateInfo(long masterId, CatalogLock field, String value) {
        writes.requireMaster(masterId);
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

    /**
     * Creates an empty course master (Course Info only, no grading setup) numbered {@code number} in
     * {@code catalogId}. The number is unique in the catalog, ignoring case. Nothing is recorded in master_change:
     * a new master has no grading setup yet.
     */
    public long createMaster(long catalogId, String number, CourseInfoValues info) {
        String catalogName = writes.catalogName(catalogId);
        if (number == null || number.isBlank()) {
            throw new SetupEditException("A course master needs a number");
        }
        writes.requireFreeNumber(catalogId, catalogName, number, ": choose another number");
        requireValidInfo(info);
        return jdbc.queryForObject("""
                insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,
                    description) values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, catalogId, number.strip(), info.name().strip(), blankToNull(info.stateCode()),
                blankToNull(info.department()), info.credits(), info.gpaWeight(), blankToNull(info.description()));
    }

    /**
     * Replaces all six Course Info fields at once. Attributes are not grading setup: nothing is recorded for the
     * Awaiting Push report.
     */
    public void updateInfo(long masterId, CourseInfoValues info) {
        writes.requireMaster(masterId);
        requireValidInfo(info);
        jdbc.update("""
                update course_master set name = ?, state_code = ?, department = ?, credits = ?, gpa_weight = ?,
                    description = ?, version = version + 1 where id = ?
                """, info.name().strip(), blankToNull(info.stateCode()), blankToNull(info.department()),
                info.credits(), info.gpaWeight(), blankToNull(info.description()), masterId);
    }

    private static void requireValidInfo(CourseInfoValues info) {
        if (info == null) {
            throw new SetupEditException("The course master's name must not be empty");
        }
        info.validateForMaster();
    }

    /**
     * The validation of a master item (docs/decisions 0004-grading-setup-validation.md): required fields and
     * non-negative weights ({@link ItemEdit#validateFor}), a key that no other item of the same type has, task and
     * standard codes unique across both types, calc options and composites referring to the master's tasks or
     * standards and to terms of the school year's calendars ({@link #termChoices}), and composite parts whose
     * weights sum to 100 %.
     */
    private void validate(long masterId, ItemType type, ItemEdit edit, UUID itself) {
        edit.validateFor(type);
        if (edit.rounding() != null && edit.rounding() < 0) {
            throw new SetupEditException("Rounding cannot be negative");
        }
        String key = edit.keyFor(type);
        List<String> types = type.sharedKeys().stream().map(Enum::name).toList();
        List<String> clash = jdbc.queryForList("select item_type from master_item where master_id = ?"
                        + " and item_type = any (?) and match_key = ? and id is distinct from ?::uuid", String.class,
                masterId, types.toArray(String[]::new), key, itself);
        if (!clash.isEmpty()) {
            String other = ItemType.valueOf(clash.getFirst()).singular().toLowerCase(Locale.ROOT);
            throw new SetupEditException("This course master already has " + (other.startsWith("a") ? "an " : "a ")
                    + other + " \"" + (type == ItemType.CATEGORY ? edit.name().strip() : key
                    .replace("|", " / ")) + "\"" + (type.lockType() == ItemType.TASK.lockType()
                    ? ": task and standard codes are unique across both, since calc options and composites refer "
                    + "to them by code" : ""));
        }
        if (type == ItemType.CALC_OPTION || type == ItemType.COMPOSITE) {
            TermChoices terms = termChoices(masterId);
            terms.require(edit.termCode(), "termCode");
            if (type == ItemType.COMPOSITE) {
                CompositeParts parts = CompositeParts.parse(edit.parts());
                parts.validateFor(edit.taskCode(), edit.termCode());
                for (int i = 0; i < parts.parts().size(); i++) {
                    terms.require(parts.parts().get(i).termCode(), "parts[" + i + "]");
                }
            }
            edit.requireKnownTasks(type, new java.util.HashSet<>(jdbc.queryForList("select code from master_item"
                    + " where master_id = ? and item_type in ('TASK', 'STANDARD')", String.class, masterId)));
        }
    }

    /** Refused while courses link to the master; the message names them. */
    public void deleteMaster(long masterId) {
        writes.requireMaster(masterId);
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
        Integer pushes = jdbc.queryForObject("select count(*) from push_request where master_id = ?", Integer.class,
                masterId);
        if (pushes != null && pushes > 0) {
            throw new SetupEditException("The course master cannot be deleted: " + pushes + " Push to Courses "
                    + (pushes == 1 ? "request in the batch queue history refers" : "requests in the batch queue history refer")
                    + " to it, and their reports are kept");
        }
        jdbc.update("delete from course_master where id = ?", masterId);
    }

    private Map<String, Object> item(UUID itemId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select master_id, item_type, code, coalesce(code, task_code || ' / ' || term_code, name) as label
                from master_item where id = ?
                """, itemId);
        if (rows.isEmpty()) {
            throw new SetupEditException("No such course master item: " + itemId);
        }
        return rows.getFirst();
    }



    private static String label(ItemType type, ItemEdit edit) {
        return switch (type) {
            case CATEGORY -> edit.name();
            case CALC_OPTION, COMPOSITE -> edit.taskCode() + " / " + edit.termCode();
            default -> edit.code();
        };
    }
}
