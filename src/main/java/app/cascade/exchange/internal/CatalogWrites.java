package app.cascade.exchange.internal;

import app.cascade.catalog.SetupEditException;
import app.cascade.exchange.DistrictDocument;
import app.cascade.exchange.DistrictDocument.Catalog;
import app.cascade.exchange.DistrictDocument.Item;
import app.cascade.exchange.DistrictDocument.Master;
import app.cascade.exchange.internal.ImportSql.Located;
import app.cascade.grading.ItemType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.cascade.exchange.internal.DistrictImporter.at;
import static app.cascade.exchange.internal.DistrictImporter.catalogKey;
import static app.cascade.exchange.internal.DistrictImporter.invalid;
import static app.cascade.exchange.internal.DistrictImporter.key;
import static app.cascade.exchange.internal.DistrictImporter.keySpace;
import static app.cascade.exchange.internal.ImportSql.ITEM_TYPES;
import static app.cascade.exchange.internal.ImportSql.itemUpsert;

/**
 * The writes of one import for {@code $.schoolYears} and {@code $.catalogs}: school years, catalogs and their locks,
 * masters, and master items with the rules that look at a master's other items. Each write is followed by the checks
 * it enables.
 */
final class CatalogWrites {

    private final ImportSql sql;
    private final JdbcTemplate jdbc;
    private final JsonMapper mapper;
    private final DistrictDocument doc;

    CatalogWrites(ImportSql sql, JdbcTemplate jdbc, JsonMapper mapper, DistrictDocument doc) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.doc = doc;
    }

    /** A master item as the master holds it once the document is applied. */
    private record MasterItemRow(long masterId, String type, String key) {
        String spaceKey() {
            return masterId + "|" + keySpace(type) + "|" + key;
        }
    }

    Map<String, Long> writeSchoolYears() {
        List<Object[]> rows = doc.schoolYears().stream()
                .map(y -> new Object[]{y.code(), y.startDate(), y.endDate()}).toList();
        sql.batch("$.schoolYears", """
                insert into school_year (code, start_date, end_date) values (?, ?, ?)
                on conflict (code) do update set start_date = excluded.start_date, end_date = excluded.end_date
                where (school_year.start_date, school_year.end_date)
                      is distinct from (excluded.start_date, excluded.end_date)
                """, new int[]{Types.VARCHAR, Types.DATE, Types.DATE}, rows);
        return sql.idsByKey("select id, code from school_year", rs -> rs.getString(2));
    }

    /**
     * Catalog ids by {@link DistrictImporter#catalogKey}. Locks: the document's list becomes the catalog's set of
     * locks.
     */
    Map<String, Long> writeCatalogs() {
        List<Object[]> rows = doc.catalogs().stream().map(c -> new Object[]{c.name()}).toList();
        sql.batch("$.catalogs", """
                insert into course_catalog (name) values (?)
                on conflict ((lower(btrim(name)))) do update set name = excluded.name
                where course_catalog.name is distinct from excluded.name
                """, new int[]{Types.VARCHAR}, rows);
        Map<String, Long> ids = sql.idsByKey("select id, name from course_catalog",
                rs -> catalogKey(rs.getString(2)));
        Map<Long, Set<String>> existing = new HashMap<>();
        jdbc.query("select catalog_id, lock_name from catalog_lock", rs -> {
            existing.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
        });
        List<Object[]> removed = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        for (Catalog catalog : doc.catalogs()) {
            long id = ids.get(catalogKey(catalog.name()));
            Set<String> before = existing.getOrDefault(id, Set.of());
            before.stream().filter(l -> !catalog.locks().contains(l)).sorted()
                    .forEach(l -> removed.add(new Object[]{id, l}));
            catalog.locks().stream().filter(l -> !before.contains(l))
                    .forEach(l -> added.add(new Object[]{id, l}));
        }
        sql.batch("$.catalogs", "delete from catalog_lock where catalog_id = ? and lock_name = ?",
                new int[]{Types.BIGINT, Types.VARCHAR}, removed);
        sql.batch("$.catalogs", "insert into catalog_lock (catalog_id, lock_name) values (?, ?) on conflict do nothing",
                new int[]{Types.BIGINT, Types.VARCHAR}, added);
        return ids;
    }

    /** Master ids by {@code catalogId|number}. */
    Map<String, Long> writeMasters(Map<String, Long> catalogs) {
        List<Object[]> rows = new ArrayList<>();
        for (Catalog catalog : doc.catalogs()) {
            long catalogId = catalogs.get(catalogKey(catalog.name()));
            for (Master m : catalog.masters()) {
                rows.add(new Object[]{catalogId, m.number(), m.name(), m.stateCode(), m.department(), m.credits(),
                        m.gpaWeight(), m.description()});
            }
        }
        sql.batch("$.catalogs", """
                insert into course_master (catalog_id, number, name, state_code, department, credits, gpa_weight,
                                           description)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (catalog_id, number) do update set name = excluded.name,
                    state_code = excluded.state_code, department = excluded.department,
                    credits = excluded.credits, gpa_weight = excluded.gpa_weight,
                    description = excluded.description, version = course_master.version + 1
                where (course_master.name, course_master.state_code, course_master.department,
                       course_master.credits, course_master.gpa_weight, course_master.description)
                      is distinct from (excluded.name, excluded.state_code, excluded.department,
                       excluded.credits, excluded.gpa_weight, excluded.description)
                """, new int[]{Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.NUMERIC, Types.NUMERIC, Types.VARCHAR}, rows);
        return sql.idsByKey("select id, catalog_id, number from course_master", ImportSql::parentAndNumber);
    }

    int writeMasterItems(Map<String, Long> masters, Map<String, Long> catalogs) {
        List<Located<Item>> items = new ArrayList<>();
        for (int c = 0; c < doc.catalogs().size(); c++) {
            Catalog catalog = doc.catalogs().get(c);
            long catalogId = catalogs.get(catalogKey(catalog.name()));
            for (int m = 0; m < catalog.masters().size(); m++) {
                Master master = catalog.masters().get(m);
                long masterId = masters.get(catalogId + "|" + master.number());
                for (int k = 0; k < master.items().size(); k++) {
                    items.add(new Located<>(at(at(at("$", "catalogs", c), "masters", m), "items", k),
                            master.items().get(k), masterId));
                }
            }
        }
        // an item keeps its master; the master's rules hold once the document is applied
        Map<UUID, Long> owner = new HashMap<>();
        Map<UUID, MasterItemRow> applied = new HashMap<>();
        jdbc.query("select id, master_id, item_type, match_key from master_item", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            owner.put(id, rs.getLong(2));
            applied.put(id, new MasterItemRow(rs.getLong(2), rs.getString(3), rs.getString(4)));
        });
        sql.checkOwners(items, owner, "master item", "another master");
        items.forEach(i -> applied.put(i.value().id(),
                new MasterItemRow(i.parentId(), i.value().type(), key(i.value()))));
        checkMasterRules(items, applied);
        sql.batch("$.catalogs", itemUpsert("master_item", "master_id", ""), ITEM_TYPES,
                items.stream().map(i -> sql.itemValues(i.value(), i.parentId())).toList());
        return items.size();
    }

    /**
     * The rules of decision 0004 that look at a master's other items, over the items the master holds once the
     * document is applied (its rows in the district, replaced by the document's): a key no other item of its key
     * space has, and calc options and composites that refer to the master's own tasks and standards
     * ({@link app.cascade.catalog.ItemEdit#requireKnownTasks}).
     */
    private void checkMasterRules(List<Located<Item>> items, Map<UUID, MasterItemRow> applied) {
        Map<String, List<UUID>> holders = new HashMap<>();
        Map<Long, Set<String>> taskCodes = new HashMap<>();
        applied.forEach((id, row) -> {
            holders.computeIfAbsent(row.spaceKey(), k -> new ArrayList<>()).add(id);
            if ("TASK".equals(row.type()) || "STANDARD".equals(row.type())) {
                taskCodes.computeIfAbsent(row.masterId(), k -> new HashSet<>()).add(row.key());
            }
        });
        for (Located<Item> item : items) {
            UUID id = item.value().id();
            List<UUID> sameKey = holders.get(applied.get(id).spaceKey());
            if (sameKey.size() > 1) {
                UUID other = sameKey.stream().filter(h -> !h.equals(id)).findFirst().orElseThrow();
                String otherType = applied.get(other).type();
                throw invalid(item.path(), "the master already has a " + otherType + " with key \""
                        + key(item.value()) + "\" (item " + other + ")" + (otherType.equals(item.value().type())
                        ? "" : ": task and standard codes are unique across both types"));
            }
            ItemType type = ItemType.valueOf(item.value().type());
            try {
                DocumentRules.edit(item.value(), mapper).requireKnownTasks(type,
                        taskCodes.getOrDefault(item.parentId(), Set.of()));
            } catch (SetupEditException refusal) {
                throw invalid(DocumentRules.pathOf(item.path(), refusal), refusal.getMessage());
            }
        }
    }
}
