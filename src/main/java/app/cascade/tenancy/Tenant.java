package app.cascade.tenancy;

import java.time.ZoneId;
import java.util.Objects;

/**
 * One district, as declared in {@code tenants/<id>.yml}. Every field has been validated by the loader: in particular
 * {@link #schema()} is a safe SQL identifier, so it may be used in {@code SET search_path} and Flyway without quoting.
 *
 * @param id                 slug, used in URLs, jobs and logs
 * @param displayName        the district's name as its staff know it
 * @param schema             the PostgreSQL schema that holds the district's data
 * @param organization       the Keycloak organization alias whose members belong to this district
 * @param timeZone           the district's time zone: "today", schedules and report times are in it
 * @param batchReporting     the Batch Reporting switch: while off, push requests stay queued
 * @param notificationSender the From address of the district's e-mails
 * @param sourceFile         the file the district was read from, for messages
 * @param enabled            false: the district is switched off (file {@code enabled: false}); its users cannot sign
 *                           in, its queued pushes wait, and its data is kept
 * @param maxRunningPushes   how many of the district's pushes may run at once, on all nodes together (the fair share
 *                           of the job workers; file {@code maxRunningPushes}, default {@value #DEFAULT_MAX_RUNNING_PUSHES})
 * @param database           the PostgreSQL server that holds {@link #schema()}, by its configured name (file {@code
 *                           database}, default {@value DistrictDatabases#MAIN}: the main server, {@code spring.datasource})
 */
public record Tenant(String id, String displayName, String schema, String organization, ZoneId timeZone,
                     boolean batchReporting, String notificationSender, String sourceFile, boolean enabled,
                     int maxRunningPushes, String database) {

    public static final int DEFAULT_MAX_RUNNING_PUSHES = 2;

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(database, "database");
        if (maxRunningPushes < 1) {
            throw new IllegalArgumentException("maxRunningPushes must be at least 1, was " + maxRunningPushes);
        }
    }

    /** A district on the main server. */
    public Tenant(String id, String displayName, String schema, String organization, ZoneId timeZone,
                  boolean batchReporting, String notificationSender, String sourceFile, boolean enabled,
                  int maxRunningPushes) {
        this(id, displayName, schema, organization, timeZone, batchReporting, notificationSender, sourceFile, enabled,
                maxRunningPushes, DistrictDatabases.MAIN);
    }

    /** An enabled district with the default cap of running pushes. */
    public Tenant(String id, String displayName, String schema, String organization, ZoneId timeZone,
                  boolean batchReporting, String notificationSender, String sourceFile) {
        this(id, displayName, schema, organization, timeZone, batchReporting, notificationSender, sourceFile, true,
                DEFAULT_MAX_RUNNING_PUSHES);
    }
}
