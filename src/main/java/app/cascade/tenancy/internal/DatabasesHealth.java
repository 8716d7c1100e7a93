package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictDatabases;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL servers other than the main one (contributor {@code databases}; the main one is Spring's {@code db}):
 * each answers, or not, with its error. DOWN when one does not answer, so the node's health says so, but not part of
 * readiness: the node still serves the districts on the servers that answer. One connection of each server's own pool,
 * one after the other, each checked within {@value #TIMEOUT_SECONDS} s. UP with no details when there are none.
 */
@Component("databasesHealthIndicator")
class DatabasesHealth implements HealthIndicator {

    static final int TIMEOUT_SECONDS = 2;

    private final DistrictDatabases databases;

    DatabasesHealth(DistrictDatabases databases) {
        this.databases = databases;
    }

    @Override
    public Health health() {
        Map<String, String> servers = new LinkedHashMap<>();
        boolean allUp = true;
        for (String name : databases.names()) {
            if (DistrictDatabases.MAIN.equals(name)) {
                continue;
            }
            String state = check(databases.dataSource(name));
            servers.put(name, state);
            allUp &= "UP".equals(state);
        }
        return (allUp ? Health.up() : Health.down()).withDetails(servers).build();
    }

    private static String check(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? "UP" : "DOWN: no answer within " + TIMEOUT_SECONDS + " s";
        } catch (SQLException e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
