package app.cascade.bench;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JdbcTemplate that adds up the wall time of each distinct query run through
 * {@link #query(String, RowCallbackHandler, Object...)} (the call the push loader uses), for a per-query profile of
 * the loader without touching it. Time includes fetching and the row callback.
 */
final class TimingJdbcTemplate extends JdbcTemplate {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, String> sqlByLabel = new LinkedHashMap<>();
    private final Map<String, Object[]> lastArgs = new LinkedHashMap<>();

    TimingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public void query(String sql, RowCallbackHandler rch, Object... args) {
        long t0 = System.nanoTime();
        String label = label(sql);
        try {
            super.query(sql, rch, args);
        } finally {
            nanos.merge(label, System.nanoTime() - t0, Long::sum);
            sqlByLabel.put(label, sql);
            lastArgs.put(label, args);
        }
    }

    Map<String, Long> nanos() {
        return nanos;
    }

    void reset() {
        nanos.clear();
    }

    /** The text of a query by its label, and the arguments of its last run (to EXPLAIN it). */
    String sql(String label) {
        return sqlByLabel.get(label);
    }

    Object[] lastArgs(String label) {
        return lastArgs.get(label);
    }

    static final String DEPENDENTS = "dependents (assignments, scores, comments, posted grades per item)";
    static final String GRADEBOOK = "gradebook counts per course";

    private static String label(String sql) {
        if (sql.contains("copies as materialized")) {
            return DEPENDENTS;
        }
        if (sql.contains("count(*) n from assignment")) {
            return GRADEBOOK;
        }
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
