package app.cascade.push.internal;

import app.cascade.CascadeIntegrationTest;
import app.cascade.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course push stamps (V9) cover everything the loader reads, checked against PostgreSQL rather than by hand
 * (docs/decisions/0014-course-push-memo.md, "Why a stale memo is never used"). PostgreSQL itself says what each of
 * {@link PushLoader#statements()} reads: {@code EXPLAIN (VERBOSE)} of the statement prepared with a generic plan
 * (parameters unknown, so nothing is pruned for their values) names every relation scanned and every column of it used
 * in an output or a condition. The catalog then says which triggers each table has. A table read must bump the stamps
 * of its courses on INSERT and DELETE and on an UPDATE of any column read, and a TRUNCATE must forget the memos,
 * unless it is one of the exemptions below, each checked against the catalog where it can be. The one method
 * {@link #gaps} does all of it; the real assertion and the failure cases (a trigger dropped or disabled, a new read)
 * all go through it.
 */
@CascadeIntegrationTest
class MemoStampCoverageIT {

    // --- the one place for exemptions ---

    /**
     * Tables the fingerprint covers instead of a stamp (PushMemo: the request fingerprint holds the catalog's locks,
     * the course fingerprint the course's master as the push reads it, snapshot or live), with the columns that
     * still need a stamp: a master item's id and master are also read for the links of other masters' items
     * ({@code LINK_OWNERS}), which no fingerprint of the course holds.
     */
    private static final Map<String, Set<String>> FINGERPRINTED = Map.of(
            "catalog_lock", Set.of(),
            "course_master", Set.of(),
            "master_item", Set.of("id", "master_id"),
            "push_master_snapshot", Set.of(),
            "push_master_item_snapshot", Set.of());

    /**
     * Tables read only as the parent of a foreign key from a table that is read too (table → child table and column).
     * With ON DELETE and ON UPDATE NO ACTION or RESTRICT (checked), a new row is no course's until the child row
     * points at it (the child's stamp), a row a course reads cannot be deleted, nor can its key change.
     */
    private static final Map<String, List<String>> PARENT_ONLY = Map.of(
            "school", List.of("calendar", "school_id"),
            "calendar", List.of("course", "calendar_id"));

    /**
     * Stamp trigger functions that fire on every UPDATE of their table but bump only when these columns change (the
     * functions' own comments in V9): a rename of a school, a calendar moved to another school, a master item that
     * disappears, appears or changes master. Any other stamp function bumps on every update.
     */
    private static final Map<String, Set<String>> BUMPS_ONLY_ON = Map.of(
            "course_push_stamp_on_school", Set.of("name"),
            "course_push_stamp_on_calendar", Set.of("school_id"),
            "course_push_stamp_on_master_item", Set.of("id", "master_id"));

    /** The V11 function that forgets every memo of the district, fired by TRUNCATE. */
    private static final String FORGETS_ALL_MEMOS = "push_course_memo_forget_all";

    private static final String DISTRICT = "alpha";
    /** A name in an output that is not qualified, a cast's type or a function. */
    private static final Pattern BARE_NAME = Pattern.compile("(?<![\\w.$\":])(\\w+)(?![\\w.(])");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void every_table_and_column_the_loader_reads_bumps_the_stamps_or_is_in_the_fingerprint() {
        assertThat(inDistrict(() -> gaps(PushLoader.statements()))).isEmpty();
    }

    @Test
    void what_the_loader_reads_is_derived_from_postgresql_not_listed_by_hand() {
        Map<String, Set<String>> reads = inDistrict(() -> reads(PushLoader.statements()));
        assertThat(reads).containsOnlyKeys("catalog_lock", "course", "calendar", "school", "term", "course_item",
                "section", "section_item", "master_item", "course_master", "push_master_snapshot",
                "push_master_item_snapshot", "assignment", "score", "assignment_comment", "posted_grade");
        assertThat(reads.get("school")).containsExactlyInAnyOrder("id", "name");
        assertThat(reads.get("calendar")).containsExactlyInAnyOrder("id", "school_id");
        assertThat(reads.get("course")).contains("calendar_id", "master_id", "ignore_master_push", "credits");
        assertThat(reads.get("posted_grade")).contains("section_id", "task_item_id", "term_code");
        assertThat(reads.get("course_item")).contains("master_item_id", "residual", "code", "task_code");
    }

    @Test
    void dropping_a_stamp_trigger_fails_the_check() {
        assertThat(rolledBack(() -> {
            jdbc.execute("drop trigger course_push_stamp_ins on score");
            jdbc.execute("drop trigger course_push_stamp_upd on section");
            jdbc.execute("drop trigger push_course_memo_truncate on posted_grade");
            return gaps(PushLoader.statements());
        })).containsExactly(
                "posted_grade: a TRUNCATE keeps the memos",
                "score: an INSERT bumps no stamp",
                "section: an UPDATE of course_id bumps no stamp",
                "section: an UPDATE of id bumps no stamp",
                "section: an UPDATE of number bumps no stamp",
                "section: an UPDATE of teacher bumps no stamp");
        assertThat(inDistrict(() -> gaps(PushLoader.statements()))).as("rolled back").isEmpty();
    }

    @Test
    void a_disabled_stamp_trigger_fails_the_check() {
        assertThat(rolledBack(() -> {
            jdbc.execute("alter table term disable trigger course_push_stamp_del");
            return gaps(PushLoader.statements());
        })).containsExactly("term: a DELETE bumps no stamp");
    }

    @Test
    void a_new_read_of_a_column_no_trigger_watches_fails_the_check() {
        List<String> statements = new ArrayList<>(PushLoader.statements());
        statements.add("select c.id, cal.name from course c join calendar cal on cal.id = c.calendar_id"
                + " where c.id = any (?)");
        assertThat(inDistrict(() -> gaps(statements)))
                .containsExactly("calendar: an UPDATE of name bumps no stamp");
    }

    @Test
    void a_new_read_of_a_table_without_stamp_triggers_fails_the_check() {
        List<String> statements = new ArrayList<>(PushLoader.statements());
        statements.add("select c.id, y.code from course c join calendar cal on cal.id = c.calendar_id"
                + " join school_year y on y.id = cal.school_year_id where c.id = any (?)");
        assertThat(inDistrict(() -> gaps(statements))).containsExactly(
                "calendar: an UPDATE of school_year_id bumps no stamp",
                "school_year: a DELETE bumps no stamp",
                "school_year: an INSERT bumps no stamp",
                "school_year: an UPDATE of code bumps no stamp",
                "school_year: an UPDATE of id bumps no stamp");
    }

    // --- the check ---

    /**
     * What {@code statements} read that no stamp covers, one line per table and event (sorted); empty when covered.
     * Runs in the current district, in the caller's transaction (so a dropped trigger counts until rollback).
     */
    private List<String> gaps(List<String> statements) {
        Set<String> gaps = new TreeSet<>();
        reads(statements).forEach((table, columns) -> {
            Set<String> stamped = new TreeSet<>(columns);
            if (FINGERPRINTED.containsKey(table)) {
                stamped.retainAll(FINGERPRINTED.get(table));
                if (stamped.isEmpty()) {
                    return;
                }
            }
            Triggers triggers = triggers(table);
            List<String> parent = PARENT_ONLY.get(table);
            if (parent != null) {
                String key = restrictingForeignKey(parent.get(0), parent.get(1), table);
                if (key == null) {
                    gaps.add(table + ": read as a parent of " + parent.get(0) + "." + parent.get(1)
                            + ", but no foreign key with NO ACTION or RESTRICT makes it one");
                } else {
                    stamped.remove(key);
                }
            } else {
                if (!triggers.onInsert()) {
                    gaps.add(table + ": an INSERT bumps no stamp");
                }
                if (!triggers.onDelete() && !stampRowsGoWith(table)) {
                    gaps.add(table + ": a DELETE bumps no stamp");
                }
            }
            for (String column : stamped) {
                if (!triggers.onUpdateOf().contains(column)) {
                    gaps.add(table + ": an UPDATE of " + column + " bumps no stamp");
                }
            }
            if (!triggers.onTruncate() && !truncateEmptiesMemos(table)) {
                gaps.add(table + ": a TRUNCATE keeps the memos");
            }
        });
        return List.copyOf(gaps);
    }

    /**
     * Table → columns that the statements read, from each statement's generic plan (in the caller's transaction):
     * every relation scanned, and of it every column in a condition, a key, or the output of a node that is not the
     * scan itself (a scan may emit the whole row, its parent uses what it needs) or of a scan whose output is a
     * (sub)query's result.
     */
    private Map<String, Set<String>> reads(List<String> statements) {
        Map<String, Set<String>> reads = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        jdbc.execute("set local plan_cache_mode = force_generic_plan");
        for (String sql : statements) {
            int parameters = (int) sql.chars().filter(c -> c == '?').count();
            jdbc.execute("prepare memo_stamp_coverage as " + numbered(sql));
            JsonNode plan = json.readTree(jdbc.queryForObject("explain (verbose, format json) execute "
                    + "memo_stamp_coverage" + (parameters == 0 ? "" : "(" + String.join(", ",
                    java.util.Collections.nCopies(parameters, "null")) + ")"), String.class)).get(0).get("Plan");
            jdbc.execute("deallocate memo_stamp_coverage");
            Map<String, String> relations = new TreeMap<>();
            List<String> expressions = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            walk(plan, true, relations, expressions, outputs);
            // EXPLAIN leaves the columns of an output unqualified when the plan has one range table entry
            boolean unqualified = relations.size() == 1 && aliases(plan).size() == 1;
            relations.forEach((alias, table) -> {
                Set<String> columns = reads.computeIfAbsent(table, t -> new TreeSet<>());
                Set<String> all = columns(table);
                Pattern qualified = Pattern.compile("(?<![\\w.$\"])" + Pattern.quote(alias) + "\\.(\\*|\\w+)");
                for (String expression : expressions) {
                    Matcher m = qualified.matcher(expression);
                    while (m.find()) {
                        if (m.group(1).equals("*")) {
                            columns.addAll(all);
                        } else if (all.contains(m.group(1))) {
                            columns.add(m.group(1)); // not ctid and the other system columns
                        }
                    }
                }
                if (unqualified) {
                    for (String output : outputs) {
                        Matcher m = BARE_NAME.matcher(output);
                        while (m.find()) {
                            if (all.contains(m.group(1))) {
                                columns.add(m.group(1));
                            }
                        }
                    }
                }
            });
        }
        return reads;
    }

    private static void walk(JsonNode node, boolean root, Map<String, String> relations, List<String> expressions,
                             List<String> outputs) {
        boolean scan = node.has("Relation Name");
        if (scan) {
            relations.put(node.get("Alias").asString(), node.get("Relation Name").asString());
        }
        String parent = node.has("Parent Relationship") ? node.get("Parent Relationship").asString() : "";
        boolean resultOfQuery = root || parent.equals("InitPlan") || parent.equals("SubPlan");
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            boolean output = field.getKey().equals("Output");
            if (field.getKey().equals("Plans") || (output && scan && !resultOfQuery)) {
                continue;
            }
            collect(field.getValue(), expressions);
            if (output) {
                collect(field.getValue(), outputs);
            }
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> walk(child, false, relations, expressions, outputs));
        }
    }

    private static Set<String> aliases(JsonNode node) {
        Set<String> aliases = new TreeSet<>();
        if (node.has("Alias")) {
            aliases.add(node.get("Alias").asString());
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> aliases.addAll(aliases(child)));
        }
        return aliases;
    }

    private static void collect(JsonNode value, List<String> expressions) {
        if (value.isString()) {
            expressions.add(value.asString());
        } else if (value.isArray()) {
            value.forEach(v -> collect(v, expressions));
        }
    }

    /** JDBC's {@code ?} as PostgreSQL's {@code $1, $2, …}, which PREPARE types from their use. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }

    private Set<String> columns(String table) {
        return new TreeSet<>(jdbc.queryForList("""
                select attname from pg_attribute
                where attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  and attnum > 0 and not attisdropped
                """, String.class, table));
    }

    /** The enabled stamp triggers of a table: does one fire on each event, and which columns an UPDATE watches. */
    private record Triggers(boolean onInsert, boolean onDelete, boolean onTruncate, Set<String> onUpdateOf) {
    }

    /**
     * A stamp trigger is one whose function calls {@code course_push_stamp_bump} (V9), or for TRUNCATE the V11 function
     * that forgets every memo, and that fires in the sessions the application runs ({@code tgenabled} O or A; D is
     * disabled, R fires only under {@code session_replication_role = replica}).
     */
    private Triggers triggers(String table) {
        boolean[] events = new boolean[3];
        Set<String> updateOf = new TreeSet<>();
        Set<String> all = columns(table);
        jdbc.query("""
                select p.proname, t.tgtype::int,
                       array(select a.attname from pg_attribute a
                             where a.attrelid = t.tgrelid and a.attnum = any (t.tgattr)) as update_of
                from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                where t.tgrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  and not t.tgisinternal and t.tgenabled in ('O', 'A')
                  and (p.prosrc like '%course_push_stamp_bump(%' or p.proname = ?)
                """, rs -> {
            String function = rs.getString(1);
            int type = rs.getInt(2);
            boolean forgetsAll = function.equals(FORGETS_ALL_MEMOS);
            events[0] |= !forgetsAll && (type & 4) != 0;
            events[1] |= !forgetsAll && (type & 8) != 0;
            events[2] |= forgetsAll && (type & 32) != 0;
            if (!forgetsAll && (type & 16) != 0) {
                List<String> listed = List.of((String[]) rs.getArray(3).getArray());
                updateOf.addAll(!listed.isEmpty() ? listed : BUMPS_ONLY_ON.getOrDefault(function, all));
            }
        }, table, FORGETS_ALL_MEMOS);
        return new Triggers(events[0], events[1], events[2], updateOf);
    }

    /**
     * The referenced column of a single-column foreign key {@code child(column) → parent} whose ON DELETE and ON
     * UPDATE are NO ACTION or RESTRICT, or null.
     */
    private String restrictingForeignKey(String child, String column, String parent) {
        List<String> keys = jdbc.queryForList("""
                select pa.attname from pg_constraint k
                join pg_attribute ca on ca.attrelid = k.conrelid and ca.attnum = k.conkey[1]
                join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
                where k.contype = 'f' and cardinality(k.conkey) = 1
                  and k.conrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  and k.confrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
                  and ca.attname = ? and k.confdeltype in ('a', 'r') and k.confupdtype in ('a', 'r')
                """, String.class, child, parent, column);
        return keys.isEmpty() ? null : keys.getFirst();
    }

    /** Deleting a row of the table deletes its course's stamp row (a missing stamp reads as changed). */
    private boolean stampRowsGoWith(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from pg_constraint k
                               where k.contype = 'f' and k.confdeltype = 'c'
                                 and k.conrelid = to_regclass(quote_ident(current_schema()) || '.course_push_stamp')
                                 and k.confrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)))
                """, Boolean.class, table));
    }

    /**
     * A TRUNCATE of the table must also truncate {@code push_course_memo}: PostgreSQL refuses to truncate a table that
     * others reference unless they are truncated with it, so the memos go when they reference it through foreign keys.
     */
    private boolean truncateEmptiesMemos(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                with recursive referencing (rel) as (
                    select to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))::oid
                    union
                    select k.conrelid from pg_constraint k join referencing r on k.confrelid = r.rel
                    where k.contype = 'f')
                select exists (select 1 from referencing
                               where rel = to_regclass(quote_ident(current_schema()) || '.push_course_memo'))
                """, Boolean.class, table));
    }

    // --- helpers ---

    private <T> T inDistrict(java.util.function.Supplier<T> work) {
        return TenantContext.call(DISTRICT, () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    private <T> T rolledBack(java.util.function.Supplier<T> work) {
        return TenantContext.call(DISTRICT, () -> new TransactionTemplate(transactions).execute(s -> {
            s.setRollbackOnly();
            return work.get();
        }));
    }
}
