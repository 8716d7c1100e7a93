package app.cascade.push.job;

import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of this node's JobRunr background job server: a node whose job server is down cannot run pushes.
 * Health contributor name: {@code jobServer}.
 */
@Component("jobServerHealthIndicator")
public class JobServerHealth implements HealthIndicator {

    private final ObjectProvider<BackgroundJobServer> server;

    public JobServerHealth(ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
    }

    @Override
    public Health health() {
        BackgroundJobServer jobs = server.getIfAvailable();
        if (jobs == null) {
            return Health.unknown().withDetail("jobServer", "not enabled on this node").build();
        }
        return jobs.isRunning() ? Health.up().withDetail("workers", jobs.getServerStatus().getWorkerPoolSize()).build()
                : Health.down().withDetail("jobServer", "stopped").build();
    }
}
