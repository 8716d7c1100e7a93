package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictDatabases;
import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantRegistry;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands Hibernate a pooled connection whose schema is the tenant's, from the pool of the server that holds it ({@link
 * DistrictDatabases}, issue 19), and resets it to the neutral schema before it goes back to the pool. A connection
 * whose reset fails is evicted from its pool, never reused with a stale schema. With nothing bound, the connection
 * comes from the main server.
 */
public class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** Tenant id Hibernate gets when nothing is bound: the neutral schema, which holds no district table. */
    public static final String NO_TENANT = "_none";
    /** The schema every pooled connection has while it is not lent to a tenant. */
    public static final String NEUTRAL_SCHEMA = "public";

    private static final Logger log = LoggerFactory.getLogger(SchemaPerTenantConnectionProvider.class);

    private final DistrictDatabases databases;
    private final TenantRegistry registry;
    private final DistrictReadiness readiness;

    public SchemaPerTenantConnectionProvider(DistrictDatabases databases, TenantRegistry registry,
                                             DistrictReadiness readiness) {
        this.databases = databases;
        this.registry = registry;
        this.readiness = readiness;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return databases.dataSource(DistrictDatabases.MAIN).getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantId) throws SQLException {
        String schema = NEUTRAL_SCHEMA;
        DataSource pool = databases.dataSource(DistrictDatabases.MAIN);
        if (!NO_TENANT.equals(tenantId)) {
            Tenant tenant = registry.require(tenantId);
            schema = tenant.schema();
            pool = databases.dataSource(tenant);
            readiness.awaitReady(tenantId); // before taking a connection: nothing is held while a migration runs
        }
        Connection connection = pool.getConnection();
        try {
            connection.setSchema(schema);
        } catch (SQLException | RuntimeException e) {
            discard(pool, connection);
            throw e;
        }
        return connection;
    }

    @Override
    public void releaseConnection(String tenantId, Connection connection) throws SQLException {
        try {
            connection.setSchema(NEUTRAL_SCHEMA);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not reset the schema of a connection of tenant {}; evicting it from the pool", tenantId, e);
            discard(poolOf(tenantId), connection);
            return;
        }
        connection.close();
    }

    /** The pool a connection lent for {@code tenantId} came from (the registry's entry may have changed since). */
    private DataSource poolOf(String tenantId) {
        return registry.find(tenantId).filter(t -> databases.names().contains(t.database()))
                .map(databases::dataSource).orElseGet(() -> databases.dataSource(DistrictDatabases.MAIN));
    }

    private static void discard(DataSource pool, Connection connection) throws SQLException {
        if (pool instanceof HikariDataSource hikari) {
            hikari.evictConnection(connection);
        } else {
            connection.close();
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        if (isUnwrappableAs(unwrapType)) {
            return unwrapType.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap to " + unwrapType);
    }
}
