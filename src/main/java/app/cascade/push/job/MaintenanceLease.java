package app.cascade.push.job;

import app.cascade.push.internal.NodeName;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Periodic work done by one node at a time ({@code cascade.maintenance_lease}): a node takes the lease of a task only
 * once the last holder's has run out, for a little less than the task's period, so a dead node's lease simply
 * expires and the next period's pass runs on whichever node asks first.
 */
@Component
class MaintenanceLease {

    private final JdbcTemplate jdbc;
    private final NodeName node;

    MaintenanceLease(JdbcTemplate jdbc, NodeName node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** Takes the lease {@code name} for this node for {@code every} less 5 seconds; false when another holds it. */
    boolean take(String name, Duration every) {
        List<String> holder = jdbc.queryForList("""
                insert into cascade.maintenance_lease (name, holder, until)
                values (?, ?, now() + ? * interval '1 second')
                on conflict (name) do update set holder = excluded.holder, until = excluded.until
                where maintenance_lease.until <= now()
                returning holder
                """, String.class, name, node.name(), Math.max(1, every.toSeconds() - 5));
        return !holder.isEmpty();
    }
}
