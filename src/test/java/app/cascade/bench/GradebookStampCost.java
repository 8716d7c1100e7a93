package app.cascade.bench;

import app.cascade.push.engine.CourseInput;
import app.cascade.push.engine.Dependents;
import app.cascade.push.engine.Facts;
import app.cascade.grading.Locks;
import app.cascade.push.engine.PushMode;
import app.cascade.push.engine.PushOptions;
import app.cascade.push.engine.PushPlanner;
import app.cascade.push.engine.SectionInput;
import app.cascade.push.internal.GradebookReads;
import app.cascade.push.internal.PushLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Types;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decision 0014's measurement of the gradebook stamp triggers (issue 16; numbers and how to run it in
 * docs/bench/gradebook-stamps.md). Not a test: a main class on its own embedded PostgreSQL 18, district migrations in a
 * schema {@code bench}, the benchmark's {@link DistrictGenerator}.
 * <ol>
 *   <li><b>What the triggers cost.</b> On a generated district of size {@code importSize}, its whole gradebook
 *       (assignments, scores, comments, posted grades) written as the district import writes it
 *       ({@code DistrictImporter}: one {@code INSERT … ON CONFLICT DO UPDATE} per row, in one JDBC batch per table),
 *       with the stamp triggers of those four tables enabled and disabled, rounds alternating, each in a transaction
 *       rolled back: "new" (the gradebook deleted first, untimed), "unchanged" (a re-import of the same rows), and
 *       for comparison "set-based" (one {@code INSERT … SELECT} per table, as the generator writes).</li>
 *   <li><b>What the alternative costs.</b> On each of {@code recountSizes}: for every chunk of 200 courses in the
 *       push's order, the items whose dependents the planner consults (the real planner, Overwrite with sections, all
 *       types locked), then one recount of exactly those items (the loader's own dependents query, as the copy of a
 *       memo would need) timed, next to what a memo hit saves (loading and planning the chunk); and, as a bound, the
 *       recount of every item of the chunk.</li>
 * </ol>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.cascade.bench.GradebookStampCost S
 * M,L 3}. Arguments: import size, recount sizes, rounds per setting (0: no import part).
 */
public final class GradebookStampCost {

    private static final List<String> GRADEBOOK = List.of("assignment", "score", "assignment_comment",
            "posted_grade");
    private static final int CHUNK = 200;

    private final JdbcTemplate jdbc;

    private GradebookStampCost(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static void main(String[] args) throws Exception {
        DistrictGenerator.Size importSize = DistrictGenerator.Size.parse(args.length > 0 ? args[0] : "S");
        String recountSizes = args.length > 1 ? args[1] : "M,L";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("bench").defaultSchema("bench")
                    .createSchemas(true).locations("classpath:db/district").load().migrate();
            SingleConnectionDataSource ds = new SingleConnectionDataSource(
                    pg.getJdbcUrl("postgres", "postgres") + "&currentSchema=bench", true);
            GradebookStampCost bench = new GradebookStampCost(new JdbcTemplate(ds));
            System.out.printf(Locale.ROOT, "PostgreSQL %s; load average %s%n",
                    bench.jdbc.queryForObject("show server_version", String.class), loadAverage());
            bench.importCost(importSize, rounds);
            for (String size : recountSizes.split(",")) {
                bench.recountCost(DistrictGenerator.Size.parse(size));
            }
            ds.destroy();
        }
    }

    // --- 1. the triggers on an import's gradebook writes ---

    private void importCost(DistrictGenerator.Size size, int rounds) {
        if (rounds == 0) {
            return;
        }
        generate(size);
        Map<String, List<Object[]>> rows = gradebookRows();
        long statements = rows.values().stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "%nImport of the gradebook of %s: %,d rows, one statement each%n", size,
                statements);
        for (String kind : List.of("new", "unchanged", "set-based")) {
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (boolean triggers : new boolean[]{round % 2 == 0, round % 2 != 0}) {
                    double seconds = importRound(rows, kind, triggers);
                    (triggers ? on : off).add(seconds);
                    System.out.printf(Locale.ROOT, "  %s, triggers %s: %.2f s%n", kind, triggers ? "on " : "off",
                            seconds);
                }
            }
            double medianOn = median(on);
            double medianOff = median(off);
            System.out.printf(Locale.ROOT, "  %s gradebook, median of %d: triggers on %.2f s, off %.2f s: +%.2f s"
                            + " (+%.0f %%, %.3f ms per row); load average %s%n", kind, rounds, medianOn, medianOff,
                    medianOn - medianOff, 100 * (medianOn / medianOff - 1), 1000 * (medianOn - medianOff) / statements,
                    loadAverage());
        }
    }

    /**
     * One import of the gradebook in a transaction rolled back; seconds of its writes. "new": the gradebook deleted
     * first (untimed), then written row by row as the importer does; "unchanged": the same rows written again;
     * "set-based": deleted, then written back with one INSERT … SELECT per table (the generator's way).
     */
    private double importRound(Map<String, List<Object[]>> rows, String kind, boolean triggers) {
        jdbc.execute("begin");
        try {
            if (!triggers) {
                for (String table : GRADEBOOK) {
                    for (String trigger : List.of("ins", "upd", "del")) {
                        jdbc.execute("alter table " + table + " disable trigger course_push_stamp_" + trigger);
                    }
                }
            }
            if (!kind.equals("unchanged")) {
                for (String table : GRADEBOOK) {
                    jdbc.execute("create temp table copy_" + table + " on commit drop as select * from " + table);
                }
                jdbc.execute("delete from score; delete from assignment_comment; delete from posted_grade;"
                        + " delete from assignment");
            }
            long start = System.nanoTime();
            if (kind.equals("set-based")) {
                for (String table : GRADEBOOK) {
                    jdbc.execute("insert into " + table + " select * from copy_" + table);
                }
                return (System.nanoTime() - start) / 1e9;
            }
            jdbc.batchUpdate("""
                    insert into assignment (id, section_id, name, due_date, points, term_code, category_item_id,
                                            task_item_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set name = excluded.name, due_date = excluded.due_date,
                        points = excluded.points, term_code = excluded.term_code,
                        category_item_id = excluded.category_item_id, task_item_id = excluded.task_item_id
                    where (assignment.name, assignment.due_date, assignment.points, assignment.term_code,
                           assignment.category_item_id, assignment.task_item_id)
                          is distinct from (excluded.name, excluded.due_date, excluded.points, excluded.term_code,
                           excluded.category_item_id, excluded.task_item_id)
                    """, rows.get("assignment"), new int[]{Types.OTHER, Types.BIGINT, Types.VARCHAR, Types.DATE,
                    Types.NUMERIC, Types.VARCHAR, Types.OTHER, Types.OTHER});
            jdbc.batchUpdate("""
                    insert into score (id, assignment_id, student_number, points) values (?, ?, ?, ?)
                    on conflict (id) do update set student_number = excluded.student_number, points = excluded.points
                    where (score.student_number, score.points)
                          is distinct from (excluded.student_number, excluded.points)
                    """, rows.get("score"), new int[]{Types.OTHER, Types.OTHER, Types.VARCHAR, Types.NUMERIC});
            jdbc.batchUpdate("""
                    insert into assignment_comment (id, assignment_id, student_number, body) values (?, ?, ?, ?)
                    on conflict (id) do update set student_number = excluded.student_number, body = excluded.body
                    where (assignment_comment.student_number, assignment_comment.body)
                          is distinct from (excluded.student_number, excluded.body)
                    """, rows.get("assignment_comment"), new int[]{Types.OTHER, Types.OTHER, Types.VARCHAR,
                    Types.VARCHAR});
            jdbc.batchUpdate("""
                    insert into posted_grade (id, section_id, task_item_id, term_code, student_number, grade)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set task_item_id = excluded.task_item_id,
                        term_code = excluded.term_code, student_number = excluded.student_number,
                        grade = excluded.grade
                    where (posted_grade.task_item_id, posted_grade.term_code, posted_grade.student_number,
                           posted_grade.grade)
                          is distinct from (excluded.task_item_id, excluded.term_code, excluded.student_number,
                           excluded.grade)
                    """, rows.get("posted_grade"), new int[]{Types.OTHER, Types.BIGINT, Types.OTHER, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR});
            return (System.nanoTime() - start) / 1e9;
        } finally {
            jdbc.execute("rollback");
        }
    }

    private Map<String, List<Object[]>> gradebookRows() {
        return Map.of(
                "assignment", jdbc.query("select id, section_id, name, due_date, points, term_code,"
                        + " category_item_id, task_item_id from assignment", (rs, n) -> new Object[]{
                        rs.getObject(1), rs.getLong(2), rs.getString(3), rs.getDate(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getObject(7), rs.getObject(8)}),
                "score", jdbc.query("select id, assignment_id, student_number, points from score",
                        (rs, n) -> new Object[]{rs.getObject(1), rs.getObject(2), rs.getString(3),
                                rs.getBigDecimal(4)}),
                "assignment_comment", jdbc.query("select id, assignment_id, student_number, body"
                        + " from assignment_comment", (rs, n) -> new Object[]{rs.getObject(1), rs.getObject(2),
                        rs.getString(3), rs.getString(4)}),
                "posted_grade", jdbc.query("select id, section_id, task_item_id, term_code, student_number, grade"
                        + " from posted_grade", (rs, n) -> new Object[]{rs.getObject(1), rs.getLong(2),
                        rs.getObject(3), rs.getString(4), rs.getString(5), rs.getString(6)}));
    }

    // --- 2. the recount at copy time ---

    private void recountCost(DistrictGenerator.Size size) {
        generate(size);
        PushLoader loader = new PushLoader(jdbc);
        GradebookReads gradebook = new GradebookReads(jdbc);
        PushPlanner planner = PushPlanner.standard();
        PushOptions options = PushOptions.all(PushMode.OVERWRITE, true);
        Locks locks = Locks.everything();
        List<Long> courses = jdbc.queryForList("select id from course order by master_id nulls last, id",
                Long.class);
        List<Double> planned = new ArrayList<>();
        List<Double> consulted = new ArrayList<>();
        List<Double> everything = new ArrayList<>();
        long consultedItems = 0;
        long allItems = 0;
        for (int from = 0; from < courses.size(); from += CHUNK) {
            jdbc.execute("begin");
            try {
                long start = System.nanoTime();
                PushLoader.Chunk chunk = loader.load(courses.subList(from, Math.min(courses.size(), from + CHUNK)),
                        false);
                Set<UUID> asked = new HashSet<>();
                Map<UUID, Dependents> known = new HashMap<>();
                while (true) { // the planner step's loop: plan, read the dependents it asked for and lacked, again
                    Set<UUID> round = new HashSet<>();
                    Facts recording = new Facts(new Asking(new Facts(known, Map.of()), round),
                            chunk.facts().masterItemOwners());
                    chunk.courses().forEach(c -> planner.planMasterPush(chunk.masters().get(c.masterId()), c, locks,
                            options, recording));
                    asked.addAll(round);
                    round.removeAll(known.keySet());
                    if (round.isEmpty()) {
                        break;
                    }
                    known.putAll(gradebook.dependents(chunk, round));
                    round.forEach(id -> known.putIfAbsent(id, Dependents.NONE));
                }
                planned.add((System.nanoTime() - start) / 1e9);
                Set<UUID> all = new HashSet<>();
                for (CourseInput c : chunk.courses()) {
                    c.items().forEach(i -> all.add(i.id()));
                    for (SectionInput s : c.sections()) {
                        s.items().forEach(i -> all.add(i.id()));
                    }
                }
                consultedItems += asked.size();
                allItems += all.size();
                consulted.add(recount(gradebook, chunk, asked));
                everything.add(recount(gradebook, chunk, all));
            } finally {
                jdbc.execute("rollback");
            }
        }
        System.out.printf(Locale.ROOT, "%nRecount at copy time on %s, %d chunks of %d courses:%n", size,
                consulted.size(), CHUNK);
        report("a memo miss: load and plan the chunk (dependents read as planning asks)", courses.size(), planned);
        report("recount of the items the planner consults", consultedItems, consulted);
        report("recount of every item of the chunk", allItems, everything);
        System.out.printf(Locale.ROOT, "  load average %s%n", loadAverage());
    }

    /** Seconds of one dependents read of exactly {@code items} (the set query, with nothing known yet). */
    private static double recount(GradebookReads gradebook, PushLoader.Chunk chunk, Set<UUID> items) {
        long start = System.nanoTime();
        gradebook.dependents(chunk, items);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String what, long count, List<Double> seconds) {
        double total = seconds.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "  %s: %,d (%,d per chunk), %.2f s in all, per chunk median %.1f ms,"
                        + " max %.1f ms%n", what, count, count / seconds.size(), total, 1000 * median(seconds),
                1000 * seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** A dependents lookup that records every item asked about and answers from the loader's. */
    private static final class Asking extends AbstractMap<UUID, Dependents> implements Facts.Lookup {
        private final Facts facts;
        private final Set<UUID> asked;

        Asking(Facts facts, Set<UUID> asked) {
            this.facts = facts;
            this.asked = asked;
        }

        @Override
        public Dependents getOrDefault(Object key, Dependents fallback) {
            asked.add((UUID) key);
            Dependents d = facts.dependentsOf((UUID) key);
            return d == Dependents.NONE ? fallback : d;
        }

        @Override
        public Dependents get(Object key) {
            return getOrDefault(key, null);
        }

        @Override
        public Set<Entry<UUID, Dependents>> entrySet() {
            return Set.of();
        }
    }

    // --- helpers ---

    private void generate(DistrictGenerator.Size size) {
        long start = System.nanoTime();
        jdbc.execute("begin");
        DistrictGenerator.District district = new DistrictGenerator(jdbc).generate(size);
        jdbc.execute("commit");
        System.out.printf(Locale.ROOT, "%nGenerated %s in %.0f s: %s%n", size, (System.nanoTime() - start) / 1e9,
                district.rowCounts());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
