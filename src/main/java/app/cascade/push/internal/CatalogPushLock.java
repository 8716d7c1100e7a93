package app.cascade.push.internal;

import app.cascade.tenancy.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock keyed by (district schema, catalog), held on a connection of the lock pool
 * ({@link PushLockPool}) of the server that holds the district (issue 19) for the whole push: a second push of the
 * same catalog waits; other catalogs and districts run in parallel. If the process dies, PostgreSQL releases the lock
 * with the connection.
 */
@Component
class CatalogPushLock {

    private static final Logger log = LoggerFactory.getLogger(CatalogPushLock.class);

    private final PushLockPool.Pools lockConnections;

    CatalogPushLock(PushLockPool.Pools lockConnections) {
        this.lockConnections = lockConnections;
    }

    /** A held lock; closing it releases the lock and its connection. */
    interface Held extends AutoCloseable {
        Held NONE = () -> {
        };

        @Override
        void close();
    }

    /** Takes the catalog's lock, waiting for a push of it to end; {@link Held#NONE} when there is no catalog. */
    Held take(Tenant district, Long catalogId) {
        if (catalogId == null) {
            return Held.NONE;
        }
        String schema = district.schema();
        try {
            Connection connection = lockConnections.of(district.database()).getConnection();
            try (PreparedStatement st = connection.prepareStatement("select pg_advisory_lock(hashtext(?), ?)")) {
                st.setString(1, DistrictLockKey.of(schema));
                st.setInt(2, Math.toIntExact(catalogId));
                st.execute();
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return () -> {
                try (connection; PreparedStatement st = connection.prepareStatement(
                        "select pg_advisory_unlock(hashtext(?), ?)")) {
                    st.setString(1, DistrictLockKey.of(schema));
                    st.setInt(2, Math.toIntExact(catalogId));
                    st.execute();
                } catch (SQLException e) {
                    log.warn("Could not release the push lock of {} catalog {}", schema, catalogId, e);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the push lock of catalog " + catalogId, e);
        }
    }
}
