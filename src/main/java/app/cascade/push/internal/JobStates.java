package app.cascade.push.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The JobRunr state of push jobs, read from JobRunr's table on the main server through JobRunr's own pool (issue 19: a
 * district on another server cannot join its requests to that table). Its connections are never the caller's: a
 * district transaction may hold its own while it asks.
 */
@Component
public class JobStates {

    private final JdbcTemplate jobStorage;

    /** @param jobStorage JobRunr's pool ({@code push.job.JobRunrPool}) */
    public JobStates(@Qualifier("jobRunrDataSource") DataSource jobStorage) {
        this.jobStorage = new JdbcTemplate(jobStorage);
    }

    /** The state of each of {@code jobIds} that JobRunr still has (nulls are skipped), in one query. */
    public Map<UUID, String> of(Collection<UUID> jobIds) {
        String[] ids = jobIds.stream().filter(Objects::nonNull).map(UUID::toString).distinct()
                .toArray(String[]::new);
        Map<UUID, String> states = new HashMap<>();
        if (ids.length > 0) {
            jobStorage.query("select id, state from " + JobRunrJobs.TABLE + " where id = any (?)",
                    rs -> {
                        states.put(UUID.fromString(rs.getString("id").strip()), rs.getString("state").strip());
                    }, (Object) ids);
        }
        return states;
    }
}
