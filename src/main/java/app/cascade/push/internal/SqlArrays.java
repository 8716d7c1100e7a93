package app.cascade.push.internal;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * SQL arrays for the push's set-based statements ({@code = any (?)}, {@code unnest(?::bigint[], …)}), made on the
 * connection of the caller's transaction.
 */
final class SqlArrays {

    private SqlArrays() {
    }

    /** The values as an array of the given PostgreSQL type. */
    static Array of(JdbcTemplate jdbc, String type, Collection<?> values) {
        return jdbc.execute((Connection c) -> c.createArrayOf(type, values.toArray()));
    }

    /** One column of {@code rows}: {@code value} of each row, in order, as an array of the given type. */
    static <T> Array column(JdbcTemplate jdbc, String type, Collection<T> rows, Function<T, ?> value) {
        List<Object> values = new ArrayList<>(rows.size());
        rows.forEach(r -> values.add(value.apply(r)));
        return of(jdbc, type, values);
    }
}
