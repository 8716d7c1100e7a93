package app.cascade.exchange.internal;

import app.cascade.exchange.DistrictDocument.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.cascade.exchange.internal.DistrictImporter.invalid;

/**
 * The SQL the writes of an import share: the batch that turns a refusal of the database into an
 * {@link app.cascade.exchange.ExchangeValidationException}, the upsert of master, course and section items and their
 * row values, the look-ups of ids by key and of parents by id, and the owner check of items (an item never moves).
 */
final class ImportSql {

    /** Logged under the importer's name, as before the writes had classes of their own. */
    private static final Logger log = LoggerFactory.getLogger(DistrictImporter.class);

    static final int[] ITEM_TYPES = {Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR};
    private static final String ITEM_COLUMNS =
            "id, %s, item_type, code, name, task_code, term_code, weight, seq, calc_method, rounding, parts";
    private static final String ITEM_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb";
    private static final String ITEM_SET = """
            item_type = excluded.item_type, code = excluded.code, name = excluded.name,
            task_code = excluded.task_code, term_code = excluded.term_code, weight = excluded.weight,
            seq = excluded.seq, calc_method = excluded.calc_method, rounding = excluded.rounding,
            parts = excluded.parts""";
    private static final String ITEM_DISTINCT = """
            (t.item_type, t.code, t.name, t.task_code, t.term_code, t.weight, t.seq, t.calc_method, t.rounding,
             t.parts) is distinct from (excluded.item_type, excluded.code, excluded.name, excluded.task_code,
             excluded.term_code, excluded.weight, excluded.seq, excluded.calc_method, excluded.rounding,
             excluded.parts)""";

    static final int[] LINKED_ITEM_TYPES = {Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.INTEGER,
            Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN};

    /** Where a row of the document lives, for messages and reference checks. */
    record Located<T>(String path, T value, long parentId) {
    }

    record ItemRow(long parentId, String type) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper mapper;

    ImportSql(JdbcTemplate jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Map<UUID, ItemRow> courseItems() {
        return itemRows("select id, course_id, item_type from course_item");
    }

    Map<Long, Long> courseOfSection() {
        Map<Long, Long> rows = new HashMap<>();
        jdbc.query("select id, course_id from section", rs -> {
            rows.put(rs.getLong(1), rs.getLong(2));
        });
        return rows;
    }

    void checkOwners(List<Located<Item>> items, Map<UUID, Long> owner, String kind, String other) {
        for (Located<Item> item : items) {
            Long current = owner.get(item.value().id());
            if (current != null && current != item.parentId()) {
                throw invalid(item.path() + ".id", kind + " " + item.value().id() + " belongs to " + other
                        + "; an item never moves");
            }
        }
    }

    static String itemUpsert(String table, String parentColumn, String linkColumn) {
        String columns = ITEM_COLUMNS.formatted(parentColumn);
        String values = ITEM_VALUES;
        String set = ITEM_SET;
        String distinct = ITEM_DISTINCT;
        if (!linkColumn.isEmpty()) {
            columns += ", " + linkColumn + ", origin, residual, forced_no_calc";
            values += ", ?, ?, ?, ?";
            set += ", " + linkColumn + " = excluded." + linkColumn + ", origin = excluded.origin,"
                    + " residual = excluded.residual, forced_no_calc = excluded.forced_no_calc";
            distinct = "(" + distinct.strip() + ") or (t." + linkColumn + ", t.origin, t.residual, t.forced_no_calc)"
                    + " is distinct from (excluded." + linkColumn + ", excluded.origin, excluded.residual,"
                    + " excluded.forced_no_calc)";
        }
        return "insert into " + table + " as t (" + columns + ") values (" + values + ") on conflict (id) do update set "
                + set + " where " + distinct;
    }

    Object[] itemValues(Item item, long parentId) {
        return new Object[]{item.id(), parentId, item.type(), item.code(), item.name(), item.taskCode(),
                item.termCode(), item.weight(), item.seq() == null ? 0 : item.seq(), item.calcMethod(),
                item.rounding(), item.parts() == null ? null : mapper.writeValueAsString(item.parts())};
    }

    Object[] linkedItemValues(Item item, long parentId) {
        Object[] base = itemValues(item, parentId);
        Object[] row = java.util.Arrays.copyOf(base, base.length + 4);
        row[base.length] = item.link();
        row[base.length + 1] = item.origin();
        row[base.length + 2] = item.residualFlag();
        row[base.length + 3] = item.forcedNoCalcFlag();
        return row;
    }

    /** Reads the key of a row of a query: what a write's rows are found again by. */
    @FunctionalInterface
    interface RowKey {
        String of(ResultSet rs) throws SQLException;
    }

    /** The ids (first column of {@code sql}) of every row, by the key {@code key} reads from the row. */
    Map<String, Long> idsByKey(String sql, RowKey key) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(sql, rs -> {
            ids.put(key.of(rs), rs.getLong(1));
        });
        return ids;
    }

    /** The key {@code parentId|number} of a row selected as {@code id, parent_id, number}. */
    static String parentAndNumber(ResultSet rs) throws SQLException {
        return rs.getLong(2) + "|" + rs.getString(3);
    }

    /** The parent id (second column of {@code sql}) of every row, by its UUID (first column). */
    Map<UUID, Long> parentsById(String sql) {
        Map<UUID, Long> parents = new HashMap<>();
        jdbc.query(sql, rs -> {
            parents.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return parents;
    }

    /** Items selected as {@code id, parent_id, item_type}, by id. */
    Map<UUID, ItemRow> itemRows(String sql) {
        Map<UUID, ItemRow> rows = new HashMap<>();
        jdbc.query(sql, rs -> {
            rows.put(rs.getObject(1, UUID.class), new ItemRow(rs.getLong(2), rs.getString(3)));
        });
        return rows;
    }

    void batch(String path, String sql, int[] types, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate(sql, rows, types);
        } catch (DataIntegrityViolationException e) {
            // every rule of the format is checked before this write; PostgreSQL's own text stays in the log
            log.warn("Import refused by the database at {}: {}", path, e.getMostSpecificCause().getMessage());
            throw invalid(path, "the database refused a row of this collection although it passed the checks of "
                    + "the format; nothing was imported");
        }
    }
}
