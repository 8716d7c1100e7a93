package app.cascade.tenancy.internal;

import app.cascade.tenancy.DistrictReadiness;
import app.cascade.tenancy.TenantRegistry;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands Hibernate a pooled connection whose schema is the tenant's, and resets it to the neutral schema before it
 * goes back to the pool. A connection whose reset fails is evicted from the pool, never reused with a stale schema.
 */
public class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    /** Tenant id Hibernate gets when nothing is bound: the neutral schema, which holds no district table. */
    public static final String NO_TENANT = "_none";
    /** The schema every pooled connection has while it is not lent to a tenant. */
    public static final String NEUTRAL_SCHEMA = "public";

    private static final Logger log = LoggerFactory.getLogger(SchemaPerTenantConnectionProvider.class);

    private final DataSource dataSource;
    private final TenantRegistry registry;
    private final DistrictReadiness readiness;

    public SchemaPerTenantConnectionProvider(DataSource dataSource, TenantRegistry registry,
                                             DistrictReadiness readiness) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.readiness = readiness;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantId) throws SQLException {
        String schema = NEUTRAL_SCHEMA;
        if (!NO_TENANT.equals(tenantId)) {
            schema = registry.require(tenantId).schema();
            readiness.awaitReady(tenantId); // before taking a connection: nothing is held while a migration runs
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setSchema(schema);
        } catch (SQLException | RuntimeException e) {
            discard(connection);
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
            discard(connection);
            return;
        }
        connection.close();
    }

    private void discard(Connection connection) throws SQLException {
        if (dataSource instanceof HikariDataSource hikari) {
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
