package app.cascade.api.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code cascade.api.*}: what the REST API accepts and tells clients.
 *
 * @param maxBodySize           the largest request body of an endpoint without its own {@code @BodyLimit} (push and
 *                              preview bodies: 64KB)
 * @param unavailableRetryAfter the {@code Retry-After} of a 503 when the database cannot be reached or its connection
 *                              pool is exhausted
 */
@ConfigurationProperties("cascade.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize,
                            @DefaultValue("10s") Duration unavailableRetryAfter) {
}
