package app.cascade.push.job;

import app.cascade.push.PushRequestView;
import app.cascade.push.PushStatus;
import app.cascade.tenancy.Tenant;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Prometheus metrics of pushes: {@code cascade_push_duration_seconds} by mode, kind and status;
 * {@code cascade_push_courses_total} by outcome; {@code cascade_push_requests} by district and status (last 24 h);
 * {@code cascade_push_queue_depth} by district (scheduled or queued requests now due).
 */
@Component
public class PushMetrics {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PushMetrics(MeterRegistry registry, JdbcTemplate jdbc, TenantRegistry tenants,
                       PlatformTransactionManager transactions) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        for (Tenant tenant : tenants.all()) {
            for (PushStatus status : PushStatus.values()) {
                Gauge.builder("cascade.push.requests", () -> count(tenant.id(),
                                "select count(*) from push_request where status = ? and submitted_at > now() - interval '24 hours'",
                                status.name()))
                        .description("Push requests of the last 24 hours by status")
                        .tags("district", tenant.id(), "status", status.name())
                        .register(registry);
            }
            Gauge.builder("cascade.push.queue.depth", () -> count(tenant.id(),
                            "select count(*) from push_request where status in ('SCHEDULED', 'QUEUED')"
                                    + " and scheduled_at <= now()"))
                    .description("Requests due but not yet running")
                    .tags("district", tenant.id())
                    .register(registry);
        }
    }

    /** Records a finished run of a request. */
    public void recorded(String tenantId, UUID requestId, PushRequestView request, PushStatus status,
                         Duration duration) {
        Timer.builder("cascade.push.duration")
                .description("Wall time of push runs")
                .tags("mode", request.mode().name(), "kind", request.kind().name(), "status", status.name())
                .register(registry).record(duration);
        Map<String, Integer> outcomes = TenantContext.call(tenantId, () -> tx.execute(s -> {
            Map<String, Integer> byOutcome = new java.util.HashMap<>();
            jdbc.query("select outcome, count(*) from push_course_result where request_id = ? group by outcome",
                    rs -> {
                        byOutcome.put(rs.getString(1), rs.getInt(2));
                    }, requestId);
            return byOutcome;
        }));
        outcomes.forEach((outcome, n) -> Counter.builder("cascade.push.courses")
                .description("Courses processed by pushes, by outcome")
                .tag("outcome", outcome).register(registry).increment(n));
    }

    private double count(String tenantId, String sql, Object... args) {
        try {
            Long n = TenantContext.call(tenantId, () -> tx.execute(s -> jdbc.queryForObject(sql, Long.class, args)));
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
