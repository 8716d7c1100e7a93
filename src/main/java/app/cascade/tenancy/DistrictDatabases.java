package app.cascade.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The PostgreSQL servers that hold district schemas, by name (issue 19, decision 0027). {@value #MAIN} is the main
 * server ({@code spring.datasource}): the shared schema {@code cascade}, the tenant registry and JobRunr live there,
 * and so does every district whose file names no {@code database}. The others are configured as {@code
 * cascade.databases.<name>.*}, each with a pool of its own. A district's transactions take their connection from its
 * server's pool (the multi-tenant connection provider), so everything a district does happens on its server.
 * <p>
 * A read across districts runs one query per server, over that server's districts only: {@link #query}.
 */
public final class DistrictDatabases implements AutoCloseable {

    /** The name of the main server, the default {@code database} of a tenant file. */
    public static final String MAIN = "main";

    private final Map<String, DataSource> pools;
    private final Map<String, JdbcTemplate> templates = new LinkedHashMap<>();

    /**
     * @param main   the application's DataSource; its JdbcTemplate joins the caller's transaction, as before issue 19
     * @param others the other servers' pools, by name (closed with this object)
     */
    public DistrictDatabases(DataSource main, Map<String, ? extends DataSource> others) {
        Map<String, DataSource> all = new LinkedHashMap<>();
        all.put(MAIN, main);
        others.forEach((name, pool) -> {
            if (all.putIfAbsent(name, pool) != null) {
                throw new IllegalArgumentException("The database name " + name + " is taken by the main server");
            }
        });
        this.pools = Collections.unmodifiableMap(all);
        pools.forEach((name, pool) -> templates.put(name, new JdbcTemplate(pool)));
    }

    /** The configured names, {@value #MAIN} first. */
    public Set<String> names() {
        return pools.keySet();
    }

    /** A server's pool. */
    public DataSource dataSource(String database) {
        DataSource pool = pools.get(database);
        if (pool == null) {
            throw new IllegalArgumentException("No database named '" + database + "' is configured (configured: "
                    + String.join(", ", names()) + ")");
        }
        return pool;
    }

    /** The pool of the server that holds {@code tenant}'s schema. */
    public DataSource dataSource(Tenant tenant) {
        return dataSource(tenant.database());
    }

    /** {@code districts} by the server that holds them: servers in configured order, districts in the given order. */
    public Map<String, List<Tenant>> byDatabase(Collection<Tenant> districts) {
        Map<String, List<Tenant>> grouped = new LinkedHashMap<>();
        names().forEach(name -> grouped.put(name, new ArrayList<>()));
        districts.forEach(t -> {
            List<Tenant> group = grouped.get(t.database());
            if (group == null) {
                throw new IllegalArgumentException("District " + t.id() + " names the database '" + t.database()
                        + "', which is not configured");
            }
            group.add(t);
        });
        grouped.values().removeIf(List::isEmpty);
        return grouped;
    }

    /**
     * The one rule of every read across districts: {@code query} runs once per server that holds any of {@code
     * districts}, with a JdbcTemplate of that server and that server's districts (never empty), and the rows are
     * returned one server after the other, {@value #MAIN} first. The main server's JdbcTemplate joins the caller's
     * transaction as before; another server's query runs on a connection of its own pool. Call it outside any
     * district's transaction (a district's transaction is bound to its own server's connection).
     */
    public <T> List<T> query(Collection<Tenant> districts, BiFunction<JdbcTemplate, List<Tenant>, List<T>> query) {
        List<T> rows = new ArrayList<>();
        byDatabase(districts).forEach((name, group) -> rows.addAll(query.apply(templates.get(name), group)));
        return rows;
    }

    /** Closes the pools of the servers other than the main one (the application closes its own). */
    @Override
    public void close() throws Exception {
        for (Map.Entry<String, DataSource> e : pools.entrySet()) {
            if (!MAIN.equals(e.getKey()) && e.getValue() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
