package app.cascade.catalog;

import app.cascade.security.CurrentUserService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * What editing and copying course masters share: the checks that a master or catalog exists and that a number is free
 * in its catalog, the columns of a master item, and the change history (master_change) the Awaiting Push report reads.
 * Runs inside the calling service's transaction.
 */
@Component
class MasterWrites {

    static final String ITEM_COLUMNS = "item_type, code, name, task_code, term_code, weight, seq, calc_method,"
            + " rounding, parts";

    private final JdbcTemplate jdbc;
    private final CurrentUserService users;

    MasterWrites(JdbcTemplate jdbc, CurrentUserService users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** The name of catalog {@code catalogId}; refused when there is no such catalog. */
    String catalogName(long catalogId) {
        return jdbc.query("select name from course_catalog where id = ?",
                (rs, n) -> rs.getString(1), catalogId).stream().findFirst()
                .orElseThrow(() -> new SetupEditException("No such course catalog: " + catalogId));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    void requireFreeNumber(long catalogId, String catalogName, String number, String advice) {
        List<String> taken = jdbc.queryForList("select number from course_master where catalog_id = ?"
                + " and lower(number) = lower(?)", String.class, catalogId, number.strip());
        if (!taken.isEmpty()) {
            throw new SetupEditException("A course master numbered " + taken.getFirst() + " already exists in "
                    + "the catalog \"" + catalogName + "\"" + advice, "number");
        }
    }

    void record(long masterId, String itemType, UUID itemId, String label, String change) {
        jdbc.update("insert into master_change (master_id, item_type, item_id, item_label, change, changed_by,"
                        + " changed_by_name) values (?, ?, ?, ?, ?, ?, ?)", masterId, itemType, itemId, label, change,
                users.current().map(u -> u.username()).orElse("system"),
                users.current().map(u -> u.displayName()).orElse(null));
    }

    void requireMaster(long masterId) {
        Integer n = jdbc.queryForObject("select count(*) from course_master where id = ?", Integer.class, masterId);
        if (n == null || n == 0) {
            throw new SetupEditException("No such course master: " + masterId);
        }
    }
}
