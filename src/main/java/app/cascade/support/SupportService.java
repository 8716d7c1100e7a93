package app.cascade.support;

import app.cascade.tenancy.DistrictDirectory;
import app.cascade.tenancy.DistrictSummary;
import app.cascade.tenancy.TenantRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures for platform support across all districts. Reads only push bookkeeping (statuses, times, messages) from each
 * district schema, whose name comes from the validated tenant registry.
 */
@Service
public class SupportService {

    private final DistrictDirectory directory;
    private final TenantRegistry registry;
    private final JdbcTemplate jdbc;

    public SupportService(DistrictDirectory directory, TenantRegistry registry, JdbcTemplate jdbc) {
        this.directory = directory;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('SUPPORT')")
    public List<DistrictStatus> districts() {
        List<DistrictStatus> result = new ArrayList<>();
        for (DistrictSummary district : directory.districts()) {
            String schema = registry.require(district.id()).schema();
            Map<String, Integer> counts = new TreeMap<>();
            jdbc.query("select status, count(*) from %s.push_request where submitted_at > now() - interval '24 hours'"
                    .formatted(schema) + " group by status", rs -> {
                counts.put(rs.getString(1), rs.getInt(2));
            });
            Timestamp oldest = jdbc.queryForObject("select min(scheduled_at) from %s.push_request where status in"
                    .formatted(schema) + " ('SCHEDULED', 'QUEUED') and scheduled_at <= now()", Timestamp.class);
            List<Object[]> failure = jdbc.query("select finished_at, message from %s.push_request where status ="
                            .formatted(schema) + " 'FAILED' order by finished_at desc nulls last limit 1",
                    (rs, n) -> new Object[]{rs.getTimestamp(1), rs.getString(2)});
            result.add(new DistrictStatus(district, counts, instant(oldest),
                    failure.isEmpty() ? null : instant((Timestamp) failure.getFirst()[0]),
                    failure.isEmpty() ? null : (String) failure.getFirst()[1]));
        }
        return result;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
