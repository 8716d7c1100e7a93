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

    TimingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public void query(String sql, RowCallbackHandler rch, Object... args) {
        long t0 = System.nanoTime();
        try {
            super.query(sql, rch, args);
        } finally {
            nanos.merge(label(sql), System.nanoTime() - t0, Long::sum);
        }
    }

    Map<String, Long> nanos() {
        return nanos;
    }

    private static String label(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }
}
