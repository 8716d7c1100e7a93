package app.cascade.push.job;

import app.cascade.push.DistrictPushActivity;
import app.cascade.push.PushActivity;
import app.cascade.push.PushRequestView;
import app.cascade.push.PushStatus;
import app.cascade.tenancy.DistrictReady;
import app.cascade.tenancy.Tenant;
import org.springframework.context.event.EventListener;
import app.cascade.tenancy.TenantContext;
import app.cascade.tenancy.TenantRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Prometheus metrics of pushes: {@code cascade_push_duration_seconds} by mode, kind and status;
 * {@code cascade_push_courses_total} by outcome; {@code cascade_push_requests} by district and status (last 24 h);
 * {@code cascade_push_queue_depth} by district (scheduled or queued requests now due). The per-district gauges read
 * {@link PushActivity#recent}: one query for every district, at most once per {@code cascade.push.activity-ttl}
 * however many districts and scrapes there are (issue 19).
 */
@Component
public class PushMetrics {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PushActivity activity;
    private final TenantRegistry tenants;
    /** The districts whose gauges are registered, in registry order. */
    private volatile List<String> registered = List.of();
    private final MultiGauge requests;
    private final MultiGauge queueDepth;

    public PushMetrics(MeterRegistry registry, JdbcTemplate jdbc, TenantRegistry tenants,
                       PlatformTransactionManager transactions, PushActivity activity) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        this.activity = activity;
        this.requests = MultiGauge.builder("cascade.push.requests")
                .description("Push requests of the last 24 hours by status").register(registry);
        this.queueDepth = MultiGauge.builder("cascade.push.queue.depth")
                .description("Requests due but not yet running").register(registry);
        this.tenants = tenants;
        register(tenants.all().stream().map(Tenant::id).toList());
    }

    /**
     * A district added while the node runs gets its gauges once its schema is ready. Every district's readiness at
     * start finds its gauges there already: the set is compared first, so that 500 districts do not register 500 times
     * 500 districts' rows.
     */
    @EventListener
    void onDistrictReady(DistrictReady event) {
        List<String> ids = tenants.all().stream().map(Tenant::id).toList();
        if (!registered.equals(ids)) {
            register(ids);
        }
    }

    /** Registers the per-district gauges for exactly these districts (replacing any others). */
    private synchronized void register(List<String> districtIds) {
        if (registered.equals(districtIds)) {
            return;
        }
        registered = List.copyOf(districtIds);
        List<MultiGauge.Row<?>> requestRows = new ArrayList<>();
        List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
        for (String district : districtIds) {
            for (PushStatus status : PushStatus.values()) {
                requestRows.add(MultiGauge.Row.of(Tags.of("district", district, "status", status.name()),
                        () -> value(district, a -> a.requestsLast24h(status))));
            }
            depthRows.add(MultiGauge.Row.of(Tags.of("district", district), () -> value(district,
                    DistrictPushActivity::due)));
        }
        requests.register(requestRows, true);
        queueDepth.register(depthRows, true);
    }

    /** The district's figure from the recent snapshot; NaN when it cannot be read. */
    private double value(String district, ToIntFunction<DistrictPushActivity> figure) {
        try {
            DistrictPushActivity a = activity.recent().get(district);
            return a == null ? Double.NaN : figure.applyAsInt(a);
        } catch (RuntimeException e) {
            return Double.NaN;
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
}
